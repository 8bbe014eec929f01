using System.Text.Json.Nodes;
using HomeOps.Core.Status;
using HomeOps.Runtime.Kubernetes;

namespace HomeOps.Operations.Status;

/// <summary>Longhorn volumes, nodes and disks (<see cref="LonghornStatus"/>).</summary>
public sealed class LonghornSection : KubeStatusSection
{
    public override string Id => LonghornStatus.Id;

    public override string Title => LonghornStatus.Title;

    public override IReadOnlyList<KubeResource> Kinds => [KubeResource.LonghornVolumes, KubeResource.LonghornNodes];

    protected override StatusSection Evaluate(Func<KubeResource, IReadOnlyList<JsonObject>> items, DateTimeOffset now) =>
        LonghornStatus.Evaluate(items(KubeResource.LonghornVolumes), items(KubeResource.LonghornNodes));
}
