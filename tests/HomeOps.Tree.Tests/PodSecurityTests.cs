using HomeOps.Testing;
using HomeOps.Tree.Tests.Tree;

namespace HomeOps.Tree.Tests;

/// <summary>Pod Security labels on every namespace; a privileged namespace says why (validate checks the levels against the pods).</summary>
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

    /// <summary>
    /// Each privileged namespace says why, in its file and in docs/platform.md's Pod Security table. That no namespace
    /// is looser than its pods need is validate's rule HO3301 on the rendered tree (RepositoryTreeTests).
    /// </summary>
    [Fact]
    public async Task Privileged_ExplainedInTheNamespaceFileAndInPlatformDocs()
    {
        var tree = await FluxTree.Repository;
        var privileged = tree.Objects.Where(o => o.Kind == "Namespace" && o.Node.Text("metadata", "labels", "pod-security.kubernetes.io/enforce") == "privileged").Select(o => o.Name).ToList();
        privileged.ShouldNotBeEmpty();
        var platform = File.ReadAllLines(RepositoryPaths.Combine("docs", "platform.md"));
        var documented = platform.Where(l => l.Contains("| **privileged** |", StringComparison.Ordinal)).Select(l => l.Split('|')[1].Trim()).ToList();
        documented.ShouldBe(privileged, ignoreOrder: true, "docs/platform.md (Pod Security) must list exactly the privileged namespaces, with the reason");
        foreach (var name in privileged)
        {
            var file = TreeFiles.YamlFiles().Single(f => File.ReadAllText(f).Contains($"name: {name}\n", StringComparison.Ordinal) && File.ReadAllText(f).Contains("kind: Namespace", StringComparison.Ordinal));
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
