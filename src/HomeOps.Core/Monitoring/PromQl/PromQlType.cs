namespace HomeOps.Core.Monitoring.PromQl;

/// <summary>The value types of PromQL.</summary>
public enum PromQlType
{
    Scalar,
    InstantVector,
    RangeVector,
    String,
}
