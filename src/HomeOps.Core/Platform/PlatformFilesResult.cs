using HomeOps.Core.Diagnostics;

namespace HomeOps.Core.Platform;

/// <summary>What rendering produced: the files (empty when a required value is missing) and the problems found.</summary>
public sealed record PlatformFilesResult(IReadOnlyList<GeneratedFile> Files, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.IsError);
}
