using HomeOps.Tree.Tests.Tree;

namespace HomeOps.Tree.Tests;

/// <summary>Every path Flux builds, built the way Flux builds it: `kubectl kustomize`, offline.</summary>
public sealed class KustomizeBuildTests
{
    /// <summary>The platform layer's Flux Kustomizations (later layers add theirs; these must all be there).</summary>
    private static readonly string[] s_platform =
    [
        "flux-system", "sources", "flux-operator", "flux-instance", "cilium", "cilium-config", "external-secrets",
        "onepassword-connect", "secret-store", "metrics-server", "snapshot-controller", "longhorn", "longhorn-config",
        "cert-manager", "cert-manager-issuers", "ingress-nginx", "external-dns", "cloudflared", "flux-webhook",
    ];

    /// <summary>The services layer's Flux Kustomizations (docs/services.md).</summary>
    private static readonly string[] s_services =
    [
        "kube-prometheus-stack", "monitoring-config", "cnpg-operator", "cnpg-barman-plugin", "postgresql-cluster", "cnpg-monitoring",
        "redis", "authentik", "authentik-proxy-config", "authentik-proxy", "home-automation", "mosquitto", "matter-server",
        "home-assistant", "kubernetes-dashboard",
    ];

    public static TheoryData<string> KustomizationNames()
    {
        var tree = FluxTree.Repository.GetAwaiter().GetResult();
        return [.. tree.Kustomizations.Select(k => k.Name)];
    }

    [Theory]
    [MemberData(nameof(KustomizationNames))]
    public async Task Build_FluxKustomizationPath_SucceedsOffline(string name)
    {
        var kustomization = (await FluxTree.Repository)[name];
        kustomization.Build.Error.ShouldBeNull();
        kustomization.Build.Objects.ShouldNotBeEmpty($"{kustomization.Path} builds to nothing");
    }

    [Fact]
    public async Task Discovery_FromTheClusterEntry_FindsEveryPlatformKustomization()
    {
        var tree = await FluxTree.Repository;
        tree.RootBuild.Error.ShouldBeNull();
        s_platform.Except(tree.Kustomizations.Select(k => k.Name)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Discovery_FromTheClusterEntry_FindsEveryServicesKustomization()
    {
        var tree = await FluxTree.Repository;
        s_services.Except(tree.Kustomizations.Select(k => k.Name)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Root_IncludesFluxSystem_SoFluxManagesItsOwnSync()
    {
        var tree = await FluxTree.Repository;
        var root = tree["flux-system"];
        root.Path.ShouldBe(tree.RootPath);
        tree.RootBuild.Objects.ShouldContain(o => o.Kind == "GitRepository" && o.Name == "flux-system");
        tree.RootBuild.Objects.ShouldContain(o => o.Kind == "Kustomization" && o.Name == "flux-system");
        // Flux's controllers come from the FluxInstance the tree reconciles, so an upgrade is a commit.
        tree.Objects.ShouldContain(o => o.Kind == "FluxInstance" && o.Kustomization == "flux-instance");
    }

    [Fact]
    public void KustomizationFiles_ReferenceNoRemoteResources()
    {
        var remote = TreeFiles.KustomizationFiles()
            .SelectMany(file => File.ReadAllLines(file).Select((line, i) => (file, line, number: i + 1)))
            .Where(l => l.line.Contains("://", StringComparison.Ordinal) || l.line.Contains("github.com/", StringComparison.Ordinal))
            .Select(l => $"{TreeFiles.Relative(l.file)}:{l.number}: {l.line.Trim()}")
            .ToList();
        remote.ShouldBeEmpty("Flux builds offline-reproducibly only from local files; vendor the manifest or use a HelmRelease");
    }
}
