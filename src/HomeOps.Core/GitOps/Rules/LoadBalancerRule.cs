using System.Net;
using HomeOps.Core.Diagnostics;
using HomeOps.Core.GitOps.Model;
using HomeOps.Core.Networking;

namespace HomeOps.Core.GitOps.Rules;

/// <summary>
/// HO4010 a LoadBalancer Service no CiliumLoadBalancerIPPool selects (pools select on Service labels; an annotation
/// of the same name means nothing), HO4011 a requested address outside every pool that selects the Service.
/// </summary>
public sealed class LoadBalancerRule : IGitOpsRule
{
    public const string PoolAnnotation = "io.cilium/lb-ipam-pool";

    public IReadOnlyList<DiagnosticDescriptor> Descriptors => [DiagnosticCatalog.LoadBalancerNoPool, DiagnosticCatalog.LoadBalancerAddressOutsidePools];

    public IEnumerable<Diagnostic> Check(RuleContext context)
    {
        var pools = Providers.Of(context, "cilium.io", "CiliumLoadBalancerIPPool").Where(p => p.Root.Bool("spec", "disabled") != true).ToList();
        foreach (var svc in context.Tree.AllObjects.Where(o => o.Kind == "Service" && o.Group.Length == 0 && o.Root.Str("spec", "type") == "LoadBalancer"))
        {
            var lbClass = svc.Root.Str("spec", "loadBalancerClass");
            if (lbClass is not null && !lbClass.StartsWith("io.cilium/", StringComparison.Ordinal))
            {
                continue; // another load-balancer implementation handles it
            }

            var labels = new Dictionary<string, string>(svc.Labels, StringComparer.Ordinal)
            {
                ["io.kubernetes.service.namespace"] = svc.Namespace ?? string.Empty,
                ["io.kubernetes.service.name"] = svc.Name,
            };
            var selecting = pools.Where(p => LabelSelector.Matches(p.Root.At("spec", "serviceSelector"), labels)).ToList();
            if (selecting.Count == 0)
            {
                var annotated = svc.Annotations.TryGetValue(PoolAnnotation, out var pool);
                var detail = annotated ? $" (it has the annotation {PoolAnnotation}: {pool}, but pools select on labels)" : string.Empty;
                var hint = annotated
                    ? $"Move '{PoolAnnotation}: {pool}' from metadata.annotations to metadata.labels"
                    : $"Label the Service so a pool's serviceSelector matches it (pools: {Providers.Known(pools.Select(p => p.Name))})";
                var at = annotated ? svc.Origin.Locate("metadata", "annotations", PoolAnnotation) : svc.Origin.Locate("spec", "type");
                yield return DiagnosticCatalog.LoadBalancerNoPool.At(at, svc, detail, hint);
                continue;
            }

            foreach (var (address, path) in Requested(svc))
            {
                if (!selecting.Exists(p => Contains(p, address)))
                {
                    yield return DiagnosticCatalog.LoadBalancerAddressOutsidePools.At(svc.Origin.Locate(path), svc, address, string.Join(", ", selecting.Select(p => p.Name)));
                }
            }
        }
    }

    private static IEnumerable<(string Address, object[] Path)> Requested(KubeObject svc)
    {
        if (svc.Annotations.TryGetValue("lbipam.cilium.io/ips", out var ips))
        {
            foreach (var ip in ips.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                yield return (ip, ["metadata", "annotations", "lbipam.cilium.io/ips"]);
            }
        }

        if (svc.Root.Str("spec", "loadBalancerIP") is { Length: > 0 } legacy)
        {
            yield return (legacy, ["spec", "loadBalancerIP"]);
        }
    }

    private static bool Contains(KubeObject pool, string address)
    {
        if (!IPAddress.TryParse(address, out var ip))
        {
            return false;
        }

        foreach (var block in pool.Root.Seq("spec", "blocks"))
        {
            if (block.Str("cidr") is { } cidr && IpNetwork.TryParse(cidr, out var network) && network.Contains(ip))
            {
                return true;
            }

            if (block.Str("start") is { } s && IPAddress.TryParse(s, out var start))
            {
                var stop = block.Str("stop") is { } e && IPAddress.TryParse(e, out var end) ? end : start;
                var n = IpAddressMath.ToNumber(ip);
                if (ip.AddressFamily == start.AddressFamily && n >= IpAddressMath.ToNumber(start) && n <= IpAddressMath.ToNumber(stop))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
