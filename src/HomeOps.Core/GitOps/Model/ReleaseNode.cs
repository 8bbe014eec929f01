using HomeOps.Core.GitOps.Flux;

namespace HomeOps.Core.GitOps.Model;

/// <summary>A HelmRelease of the tree and what its chart rendered (empty when it was not rendered; see <see cref="SkipReason"/>).</summary>
public sealed class ReleaseNode(HelmReleaseSpec spec)
{
    public HelmReleaseSpec Spec { get; } = spec;

    public List<KubeObject> Objects { get; } = [];

    public bool Rendered { get; set; }

    public string? SkipReason { get; set; }

    /// <summary>The repository folder of the chart when it comes from the tree's own GitRepository (null otherwise).</summary>
    public string? LocalChart { get; set; }

    /// <summary>The chart that was rendered, as "name@version (source)", for diff headers and messages.</summary>
    public string? ChartDescription { get; set; }

    /// <summary>What the rendered chart says about its values (read on first use; null when it cannot be read).</summary>
    public Lazy<ChartContent?>? Chart { get; set; }

    /// <summary>The values the chart rendered with: valuesFrom in order, then spec.values (helm-controller's merge).</summary>
    public Yaml.YamlMapping? Values { get; set; }

    /// <summary>helm's error when the values failed the chart's values.schema.json (the release was then not rendered).</summary>
    public string? ValuesSchemaError { get; set; }
}
