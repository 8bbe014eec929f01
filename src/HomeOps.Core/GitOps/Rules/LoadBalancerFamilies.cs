using System.Net;
using System.Net.Sockets;
using HomeOps.Core.GitOps.Model;
using HomeOps.Core.Networking;

namespace HomeOps.Core.GitOps.Rules;

/// <summary>
/// Which IP families a LoadBalancer Service asks Cilium 1.17's LB IPAM for, and which pools can answer, as the
/// operator computes it (cilium/cilium v1.17.6, operator/pkg/lbipam/lbipam.go; docs/rules.md HO4020 cites the
/// lines). Kubernetes fills in ipFamilyPolicy and ipFamilies first, from the cluster's service networks.
/// </summary>
internal static class LoadBalancerFamilies
{
    public const string IPv4 = "IPv4";
    public const string IPv6 = "IPv6";

    /// <summary>What the Service asks for, with the reason in words (for messages).</summary>
    public sealed record Request(IReadOnlyList<string> Families, string Reason);

    /// <summary>The cluster's service address families, primary first (cluster.yaml's serviceNetworks), or IPv4 alone when unknown.</summary>
    public static IReadOnlyList<string> ClusterFamilies(RuleContext context) =>
        context.Cluster?.Network.ServiceNetworks is { Count: > 0 } networks
            ? [.. networks.Select(n => n.IsIPv6 ? IPv6 : IPv4).Distinct(StringComparer.Ordinal)]
            : [IPv4];

    /// <summary>
    /// The families Cilium runs with (Helm ipv4.enabled, default true, and ipv6.enabled, default false, of the cilium
    /// HelmRelease; the operator reads them as option.Config.IPv4Enabled/IPv6Enabled). Without a cilium HelmRelease in
    /// the tree (Cilium installed outside Flux), the cluster's own families.
    /// </summary>
    public static IReadOnlySet<string> CiliumFamilies(RuleContext context, IReadOnlyList<string> clusterFamilies)
    {
        var release = context.Tree.AllObjects.FirstOrDefault(o => o.Is("helm.toolkit.fluxcd.io", "HelmRelease")
            && o.Root.Str("spec", "chart", "spec", "chart") == "cilium");
        if (release is null)
        {
            return clusterFamilies.ToHashSet(StringComparer.Ordinal);
        }

        var values = release.Root.At("spec", "values");
        var families = new HashSet<string>(StringComparer.Ordinal);
        if (values.Bool("ipv4", "enabled") ?? true)
        {
            families.Add(IPv4);
        }

        if (values.Bool("ipv6", "enabled") ?? (values.At("ipv6", "enabled") is not null && clusterFamilies.Contains(IPv6)))
        {
            families.Add(IPv6);
        }

        return families;
    }

    /// <summary>
    /// The families the operator requests for <paramref name="svc"/>: Kubernetes' defaulting of ipFamilyPolicy and
    /// ipFamilies (SingleStack and the primary family when unset; the dual-stack policies add the cluster's other
    /// family), then Cilium's serviceIPFamilyRequest (lbipam.go 1234-1290: SingleStack asks for its one family whatever
    /// Cilium enables; PreferDualStack for the listed families Cilium enables; RequireDualStack for every family Cilium
    /// enables).
    /// </summary>
    public static Request Requested(KubeObject svc, IReadOnlyList<string> cluster, IReadOnlySet<string> cilium)
    {
        var policy = svc.Root.Str("spec", "ipFamilyPolicy") ?? "SingleStack";
        var listed = svc.Root.Seq("spec", "ipFamilies").Select(f => f.Str() ?? string.Empty).Where(f => f is IPv4 or IPv6).Distinct(StringComparer.Ordinal).ToList();
        switch (policy)
        {
            case "PreferDualStack":
            {
                var given = listed.Where(cluster.Contains).ToList();
                var families = given.Concat(cluster.Except(given)).Take(cluster.Count).Where(cilium.Contains).ToList();
                return new(families, $"ipFamilyPolicy PreferDualStack on a cluster with {Describe(cluster)} Services and Cilium running {Describe([.. cilium])}");
            }

            case "RequireDualStack":
                return new([.. new[] { IPv4, IPv6 }.Where(cilium.Contains)], $"ipFamilyPolicy RequireDualStack with Cilium running {Describe([.. cilium])}");
            default:
            {
                var family = listed.Count > 0 ? listed[0] : cluster[0];
                return new([family], listed.Count > 0 ? $"ipFamilies [{family}]" : $"no ipFamilyPolicy, so the cluster's primary family {family}");
            }
        }
    }

    /// <summary>The families a pool's blocks hold (a block is {cidr} or {start, stop}; a start alone is one address).</summary>
    public static IReadOnlySet<string> FamiliesOf(KubeObject pool)
    {
        var families = new HashSet<string>(StringComparer.Ordinal);
        foreach (var block in pool.Root.Seq("spec", "blocks"))
        {
            AddressFamily? family = block.Str("cidr") is { } cidr && IpNetwork.TryParse(cidr, out var network)
                ? network.Family
                : block.Str("start") is { } start && IPAddress.TryParse(start, out var address) ? address.AddressFamily : null;
            if (family is { } f)
            {
                families.Add(f == AddressFamily.InterNetworkV6 ? IPv6 : IPv4);
            }
        }

        return families;
    }

    /// <summary>The labels selectors see: the Service's own plus the two Cilium adds (service_store.go svcLabels).</summary>
    public static Dictionary<string, string> SelectorLabels(KubeObject svc) =>
        new(svc.Labels, StringComparer.Ordinal)
        {
            ["io.kubernetes.service.namespace"] = svc.Namespace ?? string.Empty,
            ["io.kubernetes.service.name"] = svc.Name,
        };

    public static string Describe(IReadOnlyCollection<string> families) => families.Count switch
    {
        0 => "no family",
        1 => families.First() + " only",
        _ => string.Join(" and ", families),
    };
}
