using System.Text.Json.Nodes;
using HomeOps.Core.Status;
using HomeOps.Runtime.Kubernetes;

namespace HomeOps.Operations.Status;

/// <summary>BGP sessions per node and LB IPAM pool usage (<see cref="CiliumStatus"/>).</summary>
public sealed class CiliumSection : KubeStatusSection
{
    public override string Id => CiliumStatus.Id;

    public override string Title => CiliumStatus.Title;

    public override IReadOnlyList<KubeResource> Kinds => [KubeResource.CiliumBgpNodeConfigs, KubeResource.CiliumLoadBalancerIpPools];

    /// <summary>Cilium always serves LB IPAM pools; the BGP node configs only with the BGP control plane (v2) on.</summary>
    protected override IReadOnlyList<KubeResource> Required => [KubeResource.CiliumLoadBalancerIpPools];

    protected override StatusSection Evaluate(Func<KubeResource, IReadOnlyList<JsonObject>> items, DateTimeOffset now) =>
        CiliumStatus.Evaluate(items(KubeResource.CiliumBgpNodeConfigs), items(KubeResource.CiliumLoadBalancerIpPools), now);
}
