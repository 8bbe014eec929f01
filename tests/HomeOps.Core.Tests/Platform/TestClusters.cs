using HomeOps.Core.ClusterConfig;
using HomeOps.Testing;

namespace HomeOps.Core.Tests.Platform;

/// <summary>The bundled cluster.yaml, optionally edited by text replacement, loaded and checked.</summary>
internal static class TestClusters
{
    public static string BundledText => File.ReadAllText(RepositoryPaths.ClusterFile);

    public static ClusterDefinition Bundled(params (string Old, string New)[] edits)
    {
        var result = Load(edits);
        result.Diagnostics.ShouldBeEmpty(string.Join("\n", result.Diagnostics));
        return result.Config!;
    }

    public static ClusterConfigResult Load(params (string Old, string New)[] edits)
    {
        var text = BundledText;
        foreach (var (old, @new) in edits)
        {
            text.ShouldContain(old);
            text = text.Replace(old, @new, StringComparison.Ordinal);
        }

        return ClusterConfigLoader.Load(text, "cluster.yaml");
    }
}
