using System.Text.Json.Nodes;
using HomeOps.Core.Status;
using HomeOps.Runtime.Kubernetes;

namespace HomeOps.Operations.Status;

/// <summary>Nodes, pods and PersistentVolumeClaims (<see cref="KubernetesStatus"/>).</summary>
public sealed class KubernetesSection : KubeStatusSection
{
    public override string Id => KubernetesStatus.Id;

    public override string Title => KubernetesStatus.Title;

    public override IReadOnlyList<KubeResource> Kinds => [KubeResource.Nodes, KubeResource.Pods, KubeResource.PersistentVolumeClaims];

    protected override StatusSection Evaluate(Func<KubeResource, IReadOnlyList<JsonObject>> items, DateTimeOffset now) =>
        KubernetesStatus.Evaluate(items(KubeResource.Nodes), items(KubeResource.Pods), items(KubeResource.PersistentVolumeClaims), now);
}
