using HomeOps.Core.Yaml;
using HomeOps.Testing;
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

        // Services layer (docs/services.md)
        { "kube-prometheus-stack", "kube-prometheus-stack", "kube-prometheus-stack", "75.18.1", "https://prometheus-community.github.io/helm-charts" },
        { "cnpg-operator", "cnpg-operator", "cloudnative-pg", "0.26.1", "https://cloudnative-pg.github.io/charts" },
        { "cnpg-barman-plugin", "plugin-barman-cloud", "plugin-barman-cloud", "0.1.0", "https://cloudnative-pg.github.io/charts" },
        { "authentik", "authentik", "authentik", "2025.6.4", "https://charts.goauthentik.io" },
        { "matter-server", "matter-server", "home-assistant-matter-server", "3.0.0", "https://charts.derwitt.dev" },
        { "kubernetes-dashboard", "kubernetes-dashboard", "kubernetes-dashboard", "7.13.0", "https://kubernetes.github.io/dashboard/" },
    };

    public static TheoryData<string, string, string, string> ChartImages() => new()
    {
        // Flux Kustomization, HelmRelease, image repository, tag: the seed's versions where a chart's default would differ
        { "cnpg-barman-plugin", "plugin-barman-cloud", "cloudnative-pg/plugin-barman-cloud", "v0.5.0" },
        { "cnpg-barman-plugin", "plugin-barman-cloud", "cloudnative-pg/plugin-barman-cloud-sidecar", "v0.5.0" },
        { "authentik", "authentik", "ghcr.io/goauthentik/server", "2025.6.4" },
        { "matter-server", "matter-server", "ghcr.io/home-assistant-libs/python-matter-server", "8.0.0" },
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
        var fromRepositories = tree.Objects.Where(o => o.Kind == "HelmRelease" && !IsLocalChart(o));
        fromRepositories.Select(o => o.Name).Where(n => !tested.Contains(n)).ShouldBeEmpty("add the release to the table above");
    }

    [Theory]
    [MemberData(nameof(ChartImages))]
    public async Task HelmRelease_ImageOfTheSeed_IsPinnedInValues(string kustomization, string release, string repository, string tag)
    {
        var tree = await FluxTree.Repository;
        var hr = tree[kustomization].Build.Objects.Single(o => o.Kind == "HelmRelease" && o.Name == release);
        var image = hr.Node.At("spec", "values").Mappings().SingleOrDefault(m => m.Text("repository") == repository);
        image.ShouldNotBeNull($"{release} does not set the image {repository}");
        image.Text("tag").ShouldBe(tag);
    }

    [Fact]
    public async Task AuthentikProxyConfig_IsTheRepositorysChart()
    {
        // The one HelmRelease whose chart is a folder of this repository: its version is the Git revision.
        var tree = await FluxTree.Repository;
        var hr = tree["authentik-proxy-config"].Build.Objects.Single(o => o.Kind == "HelmRelease");
        var spec = hr.Node.At("spec", "chart", "spec");
        spec.Text("chart").ShouldBe("./charts/authentik-proxy-config");
        spec.Text("sourceRef", "kind").ShouldBe("GitRepository");
        spec.Text("sourceRef", "name").ShouldBe("flux-system");
        spec.Text("reconcileStrategy").ShouldBe("Revision");
        File.Exists(RepositoryPaths.Combine("charts", "authentik-proxy-config", "Chart.yaml")).ShouldBeTrue();
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
    [InlineData("authentik-proxy", "Deployment", "authentik-proxy", "ghcr.io/goauthentik/proxy:2025.6.4")]
    [InlineData("redis", "Deployment", "redis", "docker.io/library/redis:7.4.5-alpine")]
    [InlineData("mosquitto", "Deployment", "mosquitto", "docker.io/library/eclipse-mosquitto:2.0.18")]
    [InlineData("home-assistant", "Deployment", "home-assistant", "ghcr.io/home-assistant/home-assistant:2025.7.4")]
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

    private static bool IsLocalChart(TreeObject release) =>
        release.Node.Text("spec", "chart", "spec", "sourceRef", "kind") == "GitRepository";
}
