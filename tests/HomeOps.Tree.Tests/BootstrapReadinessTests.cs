using HomeOps.Tree.Tests.Tree;

namespace HomeOps.Tree.Tests;

/// <summary>
/// The bootstrap installs Cilium, External Secrets, 1Password Connect and the Flux Operator from these HelmReleases
/// before Flux runs, then Flux adopts the releases: each must be self-contained and adoptable.
/// </summary>
public sealed class BootstrapReadinessTests
{
    public static TheoryData<string, string, string> BootstrapReleases() => new()
    {
        { "cilium", "cilium", "kube-system" },
        { "external-secrets", "external-secrets", "external-secrets" },
        { "onepassword-connect", "onepassword-connect", "onepassword-connect" },
        { "flux-operator", "flux-operator", "flux-system" },
    };

    [Theory]
    [MemberData(nameof(BootstrapReleases))]
    public async Task BootstrapRelease_IsSelfContainedAndAdoptable(string kustomization, string release, string ns)
    {
        var tree = await FluxTree.Repository;
        var hr = tree[kustomization].Build.Objects.Single(o => o.Kind == "HelmRelease");
        hr.Namespace.ShouldBe(ns);
        // Adoption needs the same release name and storage namespace as the bootstrap's `helm install`.
        hr.Node.Text("spec", "releaseName").ShouldBe(release);
        hr.Node.Text("spec", "targetNamespace").ShouldBeNull();
        hr.Node.Text("spec", "storageNamespace").ShouldBeNull();
        hr.Node.At("spec", "valuesFrom").ShouldBeNull("the bootstrap reads values inline from this file");
        hr.Node.At("spec", "values").ShouldNotBeNull();
        hr.Node.Text("metadata", "annotations", "kustomize.toolkit.fluxcd.io/prune").ShouldBe("disabled");
    }

    [Fact]
    public async Task Cilium_HasTheSeedsSettings()
    {
        var tree = await FluxTree.Repository;
        var values = tree["cilium"].Build.Objects.Single(o => o.Kind == "HelmRelease").Node.At("spec", "values");
        values.Text("kubeProxyReplacement").ShouldBe("true");
        values.Text("k8sServiceHost").ShouldBe("localhost");
        values.Text("k8sServicePort").ShouldBe("7445");
        values.Text("loadBalancer", "acceleration").ShouldBe("disabled");
        values.Text("l2announcements", "enabled").ShouldBe("false");
        values.Text("bgpControlPlane", "enabled").ShouldBe("true");
        values.Text("defaultLBServiceIPAM").ShouldBe("lbipam");
        values.Text("ipv4", "enabled").ShouldBe("true");
        values.Text("ipv6", "enabled").ShouldBe(tree.Settings["IPV6_ENABLED"]);
        values.Text("hubble", "relay", "enabled").ShouldBe("true");
        values.Text("hubble", "ui", "enabled").ShouldBe("true");
        values.Items("hubble", "metrics", "enabled").ShouldNotBeEmpty();
        values.Items("securityContext", "capabilities", "ciliumAgent").Select(c => c.Text()).ShouldNotContain("SYS_MODULE");
    }
}
