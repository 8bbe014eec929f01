using HomeOps.Core.ClusterConfig;
using HomeOps.Core.Diagnostics;
using HomeOps.Core.Platform;

namespace HomeOps.Operations.Render;

/// <summary>`homeops render`: derives the generated files from cluster.yaml, compares them with the disk, writes them.</summary>
public static class RenderService
{
    /// <summary>Renders from an already-loaded cluster.yaml; nothing is rendered when it has errors.</summary>
    public static RenderPlan Plan(Workspace workspace, ClusterConfigResult config)
    {
        if (config.Config is null)
        {
            return new RenderPlan([], config.Diagnostics);
        }

        var result = PlatformRenderer.Render(config.Config);
        var files = new List<RenderedFile>();
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
            files.Add(new RenderedFile(file, full, display, state));
        }

        return new RenderPlan(files, diagnostics.Sorted());
    }

    /// <summary>Writes every file that is missing or differs; returns what was written.</summary>
    public static IReadOnlyList<RenderedFile> Write(Workspace workspace, RenderPlan plan)
    {
        var written = new List<RenderedFile>();
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
