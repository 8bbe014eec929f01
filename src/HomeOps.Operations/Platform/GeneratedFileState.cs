namespace HomeOps.Operations.Platform;

/// <summary>How a generated file on disk compares with what cluster.yaml gives now.</summary>
public enum GeneratedFileState
{
    UpToDate,
    Stale,
    Missing,
}
