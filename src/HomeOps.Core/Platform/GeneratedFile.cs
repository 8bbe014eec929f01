namespace HomeOps.Core.Platform;

/// <summary>A file derived from cluster.yaml: its path relative to the repository root ('/' separated) and its text.</summary>
public sealed record GeneratedFile(string Path, string Content);
