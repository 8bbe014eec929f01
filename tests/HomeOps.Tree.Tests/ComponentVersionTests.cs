using HomeOps.Core.Yaml;
using HomeOps.Tree.Tests.Tree;

namespace HomeOps.Tree.Tests;

/// <summary>Every platform component of the seed, deployed at its pinned version from the expected chart repository.</summary>
public sealed class ComponentVersionTests
{
    public static TheoryData<string, string, string, string, string> Charts() => new()
    {
        // Flux Kustomization, HelmRelease, chart, version, repository URL
        { "cilium", "cilium", "cilium", "1.17.6", "https://helm.cilium.io/" },
        { "flux-operator", "flux-operator", "flux-operator", "0.49.0", "oci://ghcr.io/controlplaneio-fluxcd/charts" },
        { "external-secrets", "external-secrets", "external-secrets", "0.20.4", "https://charts.external-secrets.io" },
        { "onepassword-connect", "onepassword-connect", "connect", "2.4.1", "https://1password.github.io/connect-helm-charts" },
        { "cert-manager", "cert-manager", "cert-manager", "v1.19.4", "https://charts.jetstack.io" },
        { "snapshot-controller", "snapshot-controller", "snapshot-controller", "5.2.0", "https://piraeus.io/helm-charts/" },
        { "longhorn", "longhorn", "longhorn", "1.12.1", "https://charts.longhorn.io" },
        { "metrics-server", "metrics-server", "metrics-server", "3.13.1", "https://kubernetes-sigs.github.io/metrics-server/" },
        { "ingress-nginx", "ingress-nginx-internal", "ingress-nginx", "4.15.1", "https://kubernetes.github.io/ingress-nginx" },
        { "ingress-nginx", "ingress-nginx-public", "ingress-nginx", "4.15.1", "https://kubernetes.github.io/ingress-nginx" },
        { "external-dns", "external-dns-cloudflare", "external-dns", "1.21.1", "https://kubernetes-sigs.github.io/external-dns/" },
        { "external-dns", "external-dns-unifi", "external-dns", "1.21.1", "https://kubernetes-sigs.github.io/external-dns/" },
    };

    [Theory]
    [MemberData(nameof(Charts))]
    public async Task HelmRelease_Component_IsDeployedAtItsPinnedVersion(string kustomization, string release, string chart, string version, string url)
    {
        var tree = await FluxTree.Repository;
        var hr = tree[kustomization].Build.Objects.Single(o => o.Kind == "HelmRelease" && o.Name == release);
        var spec = hr.Node.At("spec", "chart", "spec");
        spec.Text("chart").ShouldBe(chart);
        spec.Text("version").ShouldBe(version);
        spec.Text("sourceRef", "kind").ShouldBe("HelmRepository");

        var repository = tree["sources"].Build.Objects.Single(o => o.Kind == "HelmRepository" && o.Name == spec.Text("sourceRef", "name"));
        repository.Namespace.ShouldBe(spec.Text("sourceRef", "namespace"));
        repository.Node.Text("spec", "url").ShouldBe(url);
    }

    [Fact]
    public async Task HelmReleases_AllAppearInTheVersionTable()
    {
        var tree = await FluxTree.Repository;
        var tested = Charts().Select(row => row.Data.Item2).ToHashSet(StringComparer.Ordinal);
        var platform = tree.Objects.Where(o => o.Kind == "HelmRelease" && IsPlatform(tree, o));
        platform.Select(o => o.Name).Where(n => !tested.Contains(n)).ShouldBeEmpty("add the release to the table above");
    }

    [Fact]
    public async Task FluxInstance_InstallsFlux240()
    {
        var tree = await FluxTree.Repository;
        var instance = tree["flux-instance"].Build.Objects.Single(o => o.Kind == "FluxInstance");
        instance.Name.ShouldBe("flux");
        instance.Node.Text("spec", "distribution", "version").ShouldBe("2.4.0");
        instance.Node.Text("spec", "distribution", "registry").ShouldBe("ghcr.io/fluxcd");
        instance.Node.Items("spec", "components").Select(c => ((YamlScalar)c).Value)
            .ShouldBe(["source-controller", "kustomize-controller", "helm-controller", "notification-controller"]);
    }

    [Theory]
    [InlineData("cloudflared", "Deployment", "cloudflared", "docker.io/cloudflare/cloudflared:2026.8.2")]
    public async Task Image_Component_IsPinned(string kustomization, string kind, string name, string image)
    {
        var tree = await FluxTree.Repository;
        var workload = tree[kustomization].Build.Objects.Single(o => o.Kind == kind && o.Name == name);
        workload.Node.Items("spec", "template", "spec", "containers").Select(c => c.Text("image")).ShouldBe([image]);
    }

    [Fact]
    public async Task UnifiWebhook_IsPinned()
    {
        var tree = await FluxTree.Repository;
        var hr = tree["external-dns"].Build.Objects.Single(o => o.Kind == "HelmRelease" && o.Name == "external-dns-unifi");
        var image = hr.Node.At("spec", "values", "provider", "webhook", "image");
        image.Text("repository").ShouldBe("ghcr.io/kashalls/external-dns-unifi-webhook");
        image.Text("tag").ShouldBe("v0.8.2");
    }

    private static bool IsPlatform(FluxTree tree, TreeObject o) =>
        tree[o.Kustomization].Path.StartsWith("infrastructure/", StringComparison.Ordinal);
}
