using HomeOps.Core.GitOps.Flux;

namespace HomeOps.Core.GitOps.Model;

/// <summary>A HelmRelease of the tree and what its chart rendered (empty when it was not rendered; see <see cref="SkipReason"/>).</summary>
public sealed class ReleaseNode(HelmReleaseSpec spec)
{
    public HelmReleaseSpec Spec { get; } = spec;

    public List<KubeObject> Objects { get; } = [];

    public bool Rendered { get; set; }

    public string? SkipReason { get; set; }

    /// <summary>The chart that was rendered, as "name@version (source)", for diff headers and messages.</summary>
    public string? ChartDescription { get; set; }
}
