using HomeOps.Core.Diagnostics;

namespace HomeOps.Operations.Platform;

/// <summary>Every generated file compared with the disk, plus the problems that stopped or accompanied generating them.</summary>
public sealed record PlatformFilesPlan(IReadOnlyList<GeneratedFileStatus> Files, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.IsError);

    public IEnumerable<GeneratedFileStatus> Changed => Files.Where(f => f.State != GeneratedFileState.UpToDate);

    /// <summary>
    /// HO3801/HO3802 for every generated file that does not match (what `homeops check` reports), or only for those
    /// <paramref name="which"/> selects.
    /// </summary>
    public IReadOnlyList<Diagnostic> Staleness(Func<GeneratedFileStatus, bool>? which = null) =>
        [.. Changed.Where(f => which?.Invoke(f) ?? true).Select(f => f.State == GeneratedFileState.Missing
            ? DiagnosticCatalog.GeneratedFileMissing.At(SourceSpan.File(f.DisplayPath), f.DisplayPath)
            : DiagnosticCatalog.GeneratedFileStale.At(SourceSpan.File(f.DisplayPath), f.DisplayPath))];
}
