using System.Net;
using System.Net.Sockets;
using HomeOps.Core.Crypto;
using HomeOps.Core.Diagnostics;
using HomeOps.Core.Networking;

namespace HomeOps.Core.ClusterConfig.Init;

/// <summary>The cluster.yaml text init would write (null when it has errors) and every diagnostic found on the way.</summary>
public sealed record InitOutcome(ClusterPlan? Plan, string? Text, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.IsError);
}

/// <summary>
/// `homeops init`'s core: answers in, cluster.yaml text out. Derives what was not given, writes the text, and reads it
/// back through <see cref="ClusterConfigLoader"/>, so a refusal carries exactly the diagnostics `config validate` gives.
/// </summary>
public static class ClusterInit
{
    /// <summary>An answer and the flag that gives it, for "is needed" messages.</summary>
    public static readonly IReadOnlyDictionary<string, string> Flags = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["clusterName"] = "--name", ["domain"] = "--domain", ["repository"] = "--repository", ["nodeNetwork"] = "--node-network",
        ["nodes"] = "--node NAME=ADDRESS", ["cloudflareTunnelId"] = "--tunnel-id", ["installDisk"] = "--install-disk",
    };

    public const string DefaultInterface = "enp3s0f0";
    public const string DefaultInstallDisk = "APPLE*";
    public const string DefaultDataDiskModel = "Portable SSD T5";

    public static InitOutcome Create(InitAnswers answers, IRandomSource random, string displayPath)
    {
        var diagnostics = new DiagnosticBag();
        var plan = Plan(answers, random, diagnostics);
        if (plan is null || diagnostics.HasErrors)
        {
            return new InitOutcome(null, null, diagnostics.Sorted());
        }

        var text = ClusterPlanWriter.Write(plan);
        var loaded = ClusterConfigLoader.Load(text, displayPath);
        return new InitOutcome(plan, loaded.HasErrors ? null : text, loaded.Diagnostics);
    }

    public static ClusterPlan? Plan(InitAnswers answers, IRandomSource random, DiagnosticBag diagnostics)
    {
        SourceSpan Where(string property) => answers.IsSet(property) ? answers.SpanOf(property) : SourceSpan.File("homeops init");
        T? Need<T>(T? value, string property, string key)
        {
            if (value is null || (value is string s && s.Length == 0))
            {
                diagnostics.Add(DiagnosticCatalog.InitAnswerMissing.At(Where(property), key, Flags.GetValueOrDefault(key, "--" + key)));
            }

            return value;
        }

        var name = Need(answers.ClusterName, nameof(answers.ClusterName), "clusterName");
        var domain = Need(answers.Domain, nameof(answers.Domain), "domain");
        var repository = Need(answers.Repository, nameof(answers.Repository), "repository");
        var nodeNetwork = Need(answers.NodeNetwork, nameof(answers.NodeNetwork), "nodeNetwork");
        var tunnel = Need(answers.CloudflareTunnelId, nameof(answers.CloudflareTunnelId), "cloudflareTunnelId");
        if (answers.Nodes is not { Count: > 0 })
        {
            diagnostics.Add(DiagnosticCatalog.InitAnswerMissing.At(Where(nameof(answers.Nodes)), "nodes", Flags["nodes"]));
        }

        var prefix = answers.Ipv6Prefix ?? AddressPlan.RandomUlaPrefix(random);
        if (!AddressPlan.IsUlaPrefix(prefix))
        {
            diagnostics.Add(DiagnosticCatalog.InitUlaPrefixInvalid.At(Where(nameof(answers.Ipv6Prefix)), prefix));
        }

        var installDisk = Disk(answers.InstallDisk ?? DefaultInstallDisk, Where(nameof(answers.InstallDisk)), diagnostics);
        if (name is null || domain is null || repository is null || nodeNetwork is null || tunnel is null || answers.Nodes is not { Count: > 0 } nodes
            || installDisk is null || diagnostics.HasErrors)
        {
            return null;
        }

        // Not an IPv4 network: the loader reports it (HO1103) on the file, like any other mistake in it.
        var ipv4 = nodeNetwork.Family == AddressFamily.InterNetwork;
        var router = answers.Router ?? (ipv4 ? AddressPlan.Offset(nodeNetwork, 1) : nodeNetwork.NetworkAddress);
        var vip = answers.ApiVip ?? AddressPlan.ApiVip(nodeNetwork.Canonical, [router, .. nodes.Select(n => n.Address)]) ?? AddressPlan.Offset(nodeNetwork, 10);
        var lb = answers.LoadBalancerNetwork ?? (ipv4 ? AddressPlan.LoadBalancerNetwork(nodeNetwork.Canonical) : null);
        if (lb is null)
        {
            diagnostics.Add(DiagnosticCatalog.InitAddressPlanExhausted.At(Where(nameof(answers.NodeNetwork)), "load-balancer /24", nodeNetwork, "--lb-network"));
            return null;
        }

        if (lb.Family != AddressFamily.InterNetwork || lb.PrefixLength > 24)
        {
            diagnostics.Add(DiagnosticCatalog.InitLoadBalancerNetworkTooSmall.At(Where(nameof(answers.LoadBalancerNetwork)), lb));
            return null;
        }

        lb = lb.Canonical;
        var pods = AddressPlan.FreeNetwork(services: false, [nodeNetwork, lb]);
        var services = pods is null ? null : AddressPlan.FreeNetwork(services: true, [nodeNetwork, lb, pods]);
        if (pods is null || services is null)
        {
            diagnostics.Add(DiagnosticCatalog.InitAddressPlanExhausted.At(Where(nameof(answers.NodeNetwork)), pods is null ? "pod network" : "service network", nodeNetwork, "--lb-network"));
            return null;
        }

        var planned = PlanNodes(nodes, installDisk, diagnostics);
        if (planned is null)
        {
            return null;
        }

        var v6 = AddressPlan.Ipv6Networks(prefix, answers.Vlan);
        var routerAsn = answers.RouterAsn ?? AddressPlan.DefaultRouterAsn;
        return new ClusterPlan
        {
            Name = name,
            Domain = domain,
            InternalDomain = answers.InternalDomain ?? $"k8s.home.{domain}",
            AcmeEmail = answers.AcmeEmail ?? $"admin@{domain}",
            Repository = repository,
            Interface = answers.Interface ?? DefaultInterface,
            Vlan = answers.Vlan,
            NodeNetwork = nodeNetwork,
            Ipv6Prefix = prefix,
            NodeNetworkIPv6 = v6.Nodes,
            Router = router,
            RouterName = answers.RouterName ?? "router",
            RouterAsn = routerAsn,
            ClusterAsn = answers.ClusterAsn ?? AddressPlan.ClusterAsn(routerAsn),
            ApiVip = vip,
            PodNetwork = pods,
            PodNetworkIPv6 = v6.Pods,
            ServiceNetwork = services,
            ServiceNetworkIPv6 = v6.Services,
            LoadBalancerNetwork = lb,
            LoadBalancerIPv6 = v6.LoadBalancer,
            InstallDisk = installDisk,
            Nodes = planned,
            TunnelId = tunnel,
            DataDiskModel = answers.DataDiskModel ?? DefaultDataDiskModel,
            BackupBucket = answers.BackupBucket ?? $"{name}-longhorn-backups",
            BackupRegion = answers.BackupRegion ?? "us-east-1",
            Vault = answers.OnePasswordVault ?? "Automation",
        };
    }

    /// <summary>Nodes without a role: the first three are control planes (the first one, when there are fewer than three: two would be an even etcd).</summary>
    public static int DefaultControlPlanes(int nodes) => nodes >= 3 ? 3 : 1;

    private static List<PlannedNode>? PlanNodes(IReadOnlyList<InitNode> nodes, InstallDiskSelector clusterDisk, DiagnosticBag diagnostics)
    {
        var planned = new List<PlannedNode>();
        for (var i = 0; i < nodes.Count; i++)
        {
            var node = nodes[i];
            var role = node.Role ?? (i < DefaultControlPlanes(nodes.Count) ? NodeRole.ControlPlane : NodeRole.Worker);
            var disk = node.InstallDisk is null ? null : Disk(node.InstallDisk, node.SpanOf(nameof(node.InstallDisk)), diagnostics);
            if (node.InstallDisk is not null && disk is null)
            {
                return null;
            }

            planned.Add(new PlannedNode(node.Name, node.Address, role, disk == clusterDisk ? null : disk));
        }

        return planned;
    }

    private static InstallDiskSelector? Disk(string text, SourceSpan span, DiagnosticBag diagnostics)
    {
        var selector = InstallDiskSpec.Parse(text, out var error);
        if (selector is null)
        {
            diagnostics.Add(DiagnosticCatalog.InitInstallDiskInvalid.At(span, text, error));
        }

        return selector;
    }

    /// <summary>The address a prompt offers for node <paramref name="index"/>: the free host addresses after the VIP, in order.</summary>
    public static IPAddress? SuggestNodeAddress(IpNetwork network, IPAddress vip, IEnumerable<IPAddress> used)
    {
        var taken = used.Append(vip).Select(IpAddressMath.ToNumber).ToHashSet();
        return AddressPlan.FreeHosts(network.Canonical, taken, IpAddressMath.ToNumber(vip) + 1).FirstOrDefault();
    }
}
