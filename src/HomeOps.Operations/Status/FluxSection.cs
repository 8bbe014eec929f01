using System.Text.Json.Nodes;
using HomeOps.Core.Status;
using HomeOps.Runtime.Kubernetes;

namespace HomeOps.Operations.Status;

/// <summary>Every Kustomization and HelmRelease, and the root causes of what is blocked (<see cref="FluxStatus"/>).</summary>
public sealed class FluxSection : KubeStatusSection
{
    public override string Id => FluxStatus.Id;

    public override string Title => FluxStatus.Title;

    public override IReadOnlyList<KubeResource> Kinds => [KubeResource.Kustomizations, KubeResource.HelmReleases];

    /// <summary>A cluster may run Kustomizations without helm-controller; without kustomize-controller there is no Flux.</summary>
    protected override IReadOnlyList<KubeResource> Required => [KubeResource.Kustomizations];

    protected override StatusSection Evaluate(Func<KubeResource, IReadOnlyList<JsonObject>> items, DateTimeOffset now) =>
        FluxStatus.Evaluate(items(KubeResource.Kustomizations), items(KubeResource.HelmReleases));
}
