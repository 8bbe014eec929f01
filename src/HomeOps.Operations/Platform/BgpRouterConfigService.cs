using HomeOps.Core.ClusterConfig;
using HomeOps.Core.Diagnostics;
using HomeOps.Core.Platform;

namespace HomeOps.Operations.Platform;

/// <summary>`homeops bgp router-config`: the router side of the BGP peering, from the same cluster.yaml.</summary>
public static class BgpRouterConfigService
{
    /// <returns>The FRR configuration (generated, as the files of `homeops render` are), or null with the diagnostics that explain why not.</returns>
    public static (string? Text, IReadOnlyList<Diagnostic> Diagnostics) Generate(ClusterConfigResult config, string? peerName)
    {
        var diagnostics = new DiagnosticBag();
        diagnostics.AddRange(config.Diagnostics);
        if (config.Config is not { } cluster)
        {
            return (null, diagnostics.Sorted());
        }

        if (cluster.LoadBalancer.Mode != LoadBalancerMode.Bgp || cluster.LoadBalancer.Bgp is not { } bgp)
        {
            diagnostics.Add(DiagnosticCatalog.LoadBalancerModeUnsupported.At(
                cluster.LoadBalancer.SpanOf(nameof(cluster.LoadBalancer.Mode)), Core.Schema.SchemaReflector.EnumName(cluster.LoadBalancer.Mode)));
            return (null, diagnostics.Sorted());
        }

        var router = BgpRouter.Select(bgp, peerName, bgp.SpanOf(nameof(bgp.Peers)), diagnostics);
        return router is null ? (null, diagnostics.Sorted()) : (FrrRouterConfig.Write(cluster, router), diagnostics.Sorted());
    }
}
