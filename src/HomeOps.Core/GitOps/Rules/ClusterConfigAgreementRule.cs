using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using HomeOps.Core.ClusterConfig;
using HomeOps.Core.Diagnostics;
using HomeOps.Core.GitOps.Model;
using HomeOps.Core.Networking;

namespace HomeOps.Core.GitOps.Rules;

/// <summary>
/// HO3214: a value the tree repeats from cluster.yaml that disagrees with it: kubectl images more than one minor
/// version away from the cluster's Kubernetes, the Longhorn StorageClass (replicas, disk tag), the Cilium address
/// pools and the BGP ASNs and peers. One source of truth per value (reference repository lesson a).
/// </summary>
public sealed partial class ClusterConfigAgreementRule : IGitOpsRule
{
    public IReadOnlyList<DiagnosticDescriptor> Descriptors => [DiagnosticCatalog.VersionDisagreesWithClusterConfig];

    public IEnumerable<Diagnostic> Check(RuleContext context)
    {
        if (context.Cluster is not { } cluster)
        {
            return [];
        }

        var found = new List<Diagnostic>();
        found.AddRange(KubectlImages(context, cluster));
        found.AddRange(Storage(context, cluster));
        found.AddRange(Pools(context, cluster));
        found.AddRange(Bgp(context, cluster));
        return found;
    }

    private static IEnumerable<Diagnostic> KubectlImages(RuleContext context, ClusterDefinition cluster)
    {
        if (Minor(cluster.Cluster.KubernetesVersion) is not { } k8s)
        {
            yield break;
        }

        foreach (var obj in context.Tree.AllObjects)
        {
            foreach (var (container, path) in PodSpecs.Containers(obj))
            {
                var image = container.Str("image") ?? string.Empty;
                var repo = image.Split('@')[0];
                var tag = ImageRule.Tag(repo);
                var name = (tag is null ? repo : repo[..^(tag.Length + 1)]).Split('/')[^1];
                if (name is "kubectl" or "k8s" && tag is not null && Minor(tag) is { } client && Math.Abs(client.Minor - k8s.Minor) > 1)
                {
                    yield return DiagnosticCatalog.VersionDisagreesWithClusterConfig.At(obj.Origin.Locate([.. path, "image"]),
                        $"The kubectl in image '{image}' ({obj})", $"{client.Major}.{client.Minor}",
                        $"kubernetesVersion {cluster.Cluster.KubernetesVersion}, and kubectl supports one minor version of skew",
                        $"the image tag to {k8s.Major}.{k8s.Minor}.x");
                }
            }
        }
    }

    private static IEnumerable<Diagnostic> Storage(RuleContext context, ClusterDefinition cluster)
    {
        if (cluster.Storage is not { } storage)
        {
            yield break;
        }

        foreach (var sc in Providers.Of(context, "storage.k8s.io", "StorageClass", storage.StorageClass))
        {
            var replicas = sc.Root.Str("parameters", "numberOfReplicas");
            if (replicas is not null && replicas != storage.Replicas.ToString(CultureInfo.InvariantCulture))
            {
                yield return DiagnosticCatalog.VersionDisagreesWithClusterConfig.At(sc.Origin.Locate("parameters", "numberOfReplicas"),
                    $"StorageClass {sc.Name} numberOfReplicas", replicas, $"storage.replicas {storage.Replicas}", "one of them (homeops render writes it from cluster.yaml)");
            }

            var selector = sc.Root.Str("parameters", "diskSelector");
            if (selector is not null && selector != storage.DiskTag)
            {
                yield return DiagnosticCatalog.VersionDisagreesWithClusterConfig.At(sc.Origin.Locate("parameters", "diskSelector"),
                    $"StorageClass {sc.Name} diskSelector", selector, $"storage.diskTag {storage.DiskTag}", "one of them");
            }
        }
    }

    private static IEnumerable<Diagnostic> Pools(RuleContext context, ClusterDefinition cluster)
    {
        foreach (var pool in Providers.Of(context, "cilium.io", "CiliumLoadBalancerIPPool"))
        {
            var declared = cluster.LoadBalancer.Pools.FirstOrDefault(p => p.Name == pool.Name);
            if (declared?.Addresses is not { } expected)
            {
                continue;
            }

            var blocks = pool.Root.Seq("spec", "blocks");
            for (var i = 0; i < blocks.Count; i++)
            {
                var block = blocks[i];
                IpRange? actual = block.Str("cidr") is { } c && IpNetwork.TryParse(c, out var n) ? IpRange.FromNetwork(n)
                    : block.Str("start") is { } s && IPAddress.TryParse(s, out var start)
                        ? new IpRange(start, block.Str("stop") is { } e && IPAddress.TryParse(e, out var stop) ? stop : start)
                        : null;
                if (actual is not null && (actual.First != expected.First || actual.Last != expected.Last))
                {
                    yield return DiagnosticCatalog.VersionDisagreesWithClusterConfig.At(pool.Origin.Locate("spec", "blocks", i), $"Pool {pool.Name}", actual.ToString(),
                        $"{expected} (loadBalancer.pools)", "the pool in cluster.yaml and run 'homeops render'");
                }
            }
        }
    }

    private static IEnumerable<Diagnostic> Bgp(RuleContext context, ClusterDefinition cluster)
    {
        if (cluster.LoadBalancer.Bgp is not { } bgp)
        {
            yield break;
        }

        foreach (var obj in context.Tree.AllObjects.Where(o => o.Group == "cilium.io"))
        {
            var asns = obj.Kind switch
            {
                "CiliumBGPClusterConfig" => obj.Root.Seq("spec", "bgpInstances").Select((b, i) => (Node: b.At("localASN"), Path: new object[] { "spec", "bgpInstances", i, "localASN" })),
                "CiliumBGPPeeringPolicy" => obj.Root.Seq("spec", "virtualRouters").Select((b, i) => (Node: b.At("localASN"), Path: new object[] { "spec", "virtualRouters", i, "localASN" })),
                _ => [],
            };
            foreach (var (node, path) in asns)
            {
                if (node.Str() is { } asn && asn != bgp.LocalAsn.ToString(CultureInfo.InvariantCulture))
                {
                    yield return DiagnosticCatalog.VersionDisagreesWithClusterConfig.At(obj.Origin.Locate(path), $"{obj.Kind} {obj.Name} localASN", asn,
                        $"loadBalancer.bgp.localAsn {bgp.LocalAsn}", "one of them");
                }
            }
        }
    }

    private static (int Major, int Minor)? Minor(string version)
    {
        var m = VersionPattern().Match(version);
        return m.Success ? (int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture)) : null;
    }

    [GeneratedRegex(@"^v?(\d+)\.(\d+)")]
    private static partial Regex VersionPattern();
}
