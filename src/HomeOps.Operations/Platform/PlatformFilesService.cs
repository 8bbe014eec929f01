using HomeOps.Core.ClusterConfig;
using HomeOps.Core.Diagnostics;
using HomeOps.Core.Platform;

namespace HomeOps.Operations.Platform;

/// <summary>`homeops render`: derives the generated files from cluster.yaml, compares them with the disk, writes them.</summary>
public static class PlatformFilesService
{
    /// <summary>Generates the files from an already-loaded cluster.yaml; nothing is generated when it has errors.</summary>
    public static PlatformFilesPlan Plan(Workspace workspace, ClusterConfigResult config)
    {
        if (config.Config is null)
        {
            return new PlatformFilesPlan([], config.Diagnostics);
        }

        var result = PlatformFiles.Generate(config.Config);
        var files = new List<GeneratedFileStatus>();
        var diagnostics = new DiagnosticBag();
        diagnostics.AddRange(config.Diagnostics);
        diagnostics.AddRange(result.Diagnostics);
        foreach (var file in result.Files)
        {
            var full = workspace.PathOf(file.Path);
            var display = workspace.Display(full);
            var current = Runtime.Files.TextFileReader.Read(workspace.Files, full, display, new DiagnosticBag());
            var state = current is null ? GeneratedFileState.Missing
                : Normalize(current) == file.Content ? GeneratedFileState.UpToDate
                : GeneratedFileState.Stale;
            files.Add(new GeneratedFileStatus(file, full, display, state));
        }

        return new PlatformFilesPlan(files, diagnostics.Sorted());
    }

    /// <summary>Writes every file that is missing or differs; returns what was written.</summary>
    public static IReadOnlyList<GeneratedFileStatus> Write(Workspace workspace, PlatformFilesPlan plan)
    {
        var written = new List<GeneratedFileStatus>();
        foreach (var file in plan.Changed)
        {
            workspace.Files.CreateDirectory(Path.GetDirectoryName(file.FullPath)!);
            workspace.Files.WriteAllTextAtomic(file.FullPath, file.File.Content);
            written.Add(file);
        }

        return written;
    }

    // A checkout on Windows may turn LF into CRLF; that is not a change of content.
    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);
}
