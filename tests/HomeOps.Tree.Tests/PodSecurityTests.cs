using HomeOps.Tree.Tests.Tree;

namespace HomeOps.Tree.Tests;

/// <summary>Pod Security labels on every namespace, privileged only where a component needs it (and says why).</summary>
public sealed class PodSecurityTests
{
    /// <summary>Namespaces the tree uses but does not create.</summary>
    private static readonly string[] s_systemNamespaces = ["kube-system", "default"];

    /// <summary>Kinds without a namespace: Flux applies namespaced objects only with an explicit one.</summary>
    private static readonly HashSet<string> s_clusterScoped =
    [
        "Namespace", "CustomResourceDefinition", "ClusterRole", "ClusterRoleBinding", "StorageClass", "VolumeSnapshotClass",
        "ClusterIssuer", "ClusterSecretStore", "IngressClass", "PriorityClass", "CiliumLoadBalancerIPPool",
        "CiliumBGPClusterConfig", "CiliumBGPPeerConfig", "CiliumBGPAdvertisement", "CiliumBGPNodeConfigOverride",
        "CiliumClusterwideNetworkPolicy", "ValidatingWebhookConfiguration", "MutatingWebhookConfiguration",
    ];

    /// <summary>
    /// The only namespaces allowed to run privileged pods: Longhorn (host mounts, iSCSI), node-exporter (the host's
    /// /proc, /sys and root in its PID and network namespaces) and the Matter server (host network, capabilities).
    /// </summary>
    private static readonly string[] s_privileged = ["longhorn-system", "node-exporter", "matter-server"];

    [Fact]
    public async Task Namespaces_EnforceAuditAndWarnOneLevel()
    {
        var tree = await FluxTree.Repository;
        var namespaces = tree.Objects.Where(o => o.Kind == "Namespace").ToList();
        namespaces.ShouldNotBeEmpty();
        foreach (var ns in namespaces)
        {
            var level = ns.Node.Text("metadata", "labels", "pod-security.kubernetes.io/enforce");
            level.ShouldBeOneOf(["restricted", "baseline", "privileged"], ns.ToString());
            ns.Node.Text("metadata", "labels", "pod-security.kubernetes.io/audit").ShouldBe(level, ns.ToString());
            ns.Node.Text("metadata", "labels", "pod-security.kubernetes.io/warn").ShouldBe(level, ns.ToString());
        }
    }

    [Fact]
    public async Task Privileged_OnlyWhereNeeded_WithTheReasonBesideIt()
    {
        var tree = await FluxTree.Repository;
        var privileged = tree.Objects.Where(o => o.Kind == "Namespace" && o.Node.Text("metadata", "labels", "pod-security.kubernetes.io/enforce") == "privileged").ToList();
        privileged.Select(o => o.Name).ShouldBe(s_privileged, ignoreOrder: true);
        foreach (var ns in privileged)
        {
            var file = TreeFiles.YamlFiles().Single(f => File.ReadAllText(f).Contains($"name: {ns.Name}\n", StringComparison.Ordinal) && File.ReadAllText(f).Contains("kind: Namespace", StringComparison.Ordinal));
            var lines = File.ReadAllLines(file);
            var kindLine = Array.FindIndex(lines, l => l.StartsWith("kind: Namespace", StringComparison.Ordinal));
            lines.Take(kindLine).Count(l => l.TrimStart().StartsWith('#')).ShouldBeGreaterThan(0, $"{TreeFiles.Relative(file)} must say why the namespace is privileged");
        }
    }

    [Fact]
    public async Task NamespacedObjects_NameANamespaceTheTreeCreates()
    {
        var tree = await FluxTree.Repository;
        var created = tree.Objects.Where(o => o.Kind == "Namespace").Select(o => o.Name).Concat(s_systemNamespaces).ToHashSet(StringComparer.Ordinal);
        var problems = tree.Objects.Where(o => !s_clusterScoped.Contains(o.Kind))
            .Where(o => o.Namespace is null || !created.Contains(o.Namespace))
            .Select(o => o.Namespace is null ? $"{o}: no namespace (Flux does not default one)" : $"{o}: namespace '{o.Namespace}' is not created by the tree");
        problems.ShouldBeEmpty();
    }
}
