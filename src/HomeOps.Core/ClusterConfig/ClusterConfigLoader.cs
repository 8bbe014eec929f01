using HomeOps.Core.Diagnostics;
using HomeOps.Core.Schema;
using HomeOps.Core.Yaml;

namespace HomeOps.Core.ClusterConfig;

/// <summary>The outcome of reading cluster.yaml: the typed config when it is usable, and every diagnostic found.</summary>
public sealed record ClusterConfigResult(ClusterDefinition? Config, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.IsError);
}

/// <summary>Reads and checks cluster.yaml text: YAML syntax, then shape (keys, types, formats), then meaning.</summary>
public static class ClusterConfigLoader
{
    public const string DefaultFileName = "cluster.yaml";

    public static ClusterConfigResult Load(string text, string path)
    {
        var diagnostics = new DiagnosticBag();
        var root = YamlReader.ReadSingle(text, path, diagnostics);
        ClusterDefinition? config = null;
        if (root is not null)
        {
            config = new ConfigBinder(diagnostics).Bind<ClusterDefinition>(root);
        }

        // Meaning is only checked on a well-formed file: a missing or mistyped value would make every
        // cross-check below report noise about the same mistake.
        if (config is not null && !diagnostics.HasErrors)
        {
            ClusterValidator.Validate(config, diagnostics);
        }

        return new ClusterConfigResult(diagnostics.HasErrors ? null : config, diagnostics.Sorted());
    }
}
