using System.Text.Json.Nodes;
using HomeOps.Core.Status;
using HomeOps.Runtime.Kubernetes;

namespace HomeOps.Operations.Status;

/// <summary>CloudNativePG clusters and their Barman Cloud backups (<see cref="CnpgStatus"/>).</summary>
public sealed class CnpgSection : KubeStatusSection
{
    public override string Id => CnpgStatus.Id;

    public override string Title => CnpgStatus.Title;

    public override IReadOnlyList<KubeResource> Kinds => [KubeResource.CnpgClusters, KubeResource.BarmanObjectStores];

    /// <summary>Clusters without the Barman Cloud plugin have no ObjectStores to read.</summary>
    protected override IReadOnlyList<KubeResource> Required => [KubeResource.CnpgClusters];

    protected override StatusSection Evaluate(Func<KubeResource, IReadOnlyList<JsonObject>> items, DateTimeOffset now) =>
        CnpgStatus.Evaluate(items(KubeResource.CnpgClusters), items(KubeResource.BarmanObjectStores), now);
}
