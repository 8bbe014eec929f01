using HomeOps.Core.ClusterConfig;
using HomeOps.Core.Diagnostics;
using HomeOps.Runtime.Files;

namespace HomeOps.Operations.Config;

/// <summary>Reads cluster.yaml from disk and checks it.</summary>
public static class ClusterConfigService
{
    public static ClusterConfigResult Load(Workspace workspace)
    {
        var display = workspace.Display(workspace.ClusterFile);
        var diagnostics = new DiagnosticBag();
        var text = TextFileReader.Read(workspace.Files, workspace.ClusterFile, display, diagnostics, maxBytes: 1024 * 1024);
        return text is null ? new ClusterConfigResult(null, diagnostics.Sorted()) : ClusterConfigLoader.Load(text, display);
    }
}
