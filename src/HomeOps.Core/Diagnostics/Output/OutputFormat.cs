namespace HomeOps.Core.Diagnostics.Output;

/// <summary>How diagnostics are printed: for people, or for machines (JSON, SARIF 2.1.0, GitHub annotations).</summary>
public enum OutputFormat
{
    Text,
    Json,
    Sarif,
    Github,
}
