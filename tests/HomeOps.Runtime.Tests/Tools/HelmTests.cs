using HomeOps.Runtime.Tools;

namespace HomeOps.Runtime.Tests.Tools;

/// <summary>The helm facade's command lines, built without running helm.</summary>
public sealed class HelmTests
{
    [Fact]
    public void Template_LocalChartWithValuesFiles_RendersCrdsWithoutTests()
    {
        var spec = Helm.Template(new HelmTemplateRequest("cilium", "/cache/cilium-1.17.6.tgz", "kube-system")
        {
            ValuesFiles = ["/work/values.yaml"], KubeVersion = "v1.31.1", IncludeCrds = true,
        });
        spec.Program.ShouldBe("helm");
        spec.Arguments.ShouldBe(["template", "cilium", "/cache/cilium-1.17.6.tgz", "--namespace", "kube-system", "--kube-version", "v1.31.1",
            "--include-crds", "--values", "/work/values.yaml", "--skip-tests"]);
        spec.StandardInput.ShouldBeNull();
    }

    [Fact]
    public void Template_ChartFromRepositoryWithValuesOnStandardInput_PassesThemAfterTheFiles()
    {
        var spec = Helm.Template(new HelmTemplateRequest("cilium", "cilium", "kube-system")
        {
            Repository = "https://helm.cilium.io", Version = "1.17.6", ValuesFiles = ["a.yaml"], ValuesYaml = "ipam:\n  mode: kubernetes\n",
            Sets = ["cluster.id=1"], SkipTests = false,
        });
        spec.Arguments.ShouldBe(["template", "cilium", "cilium", "--repo", "https://helm.cilium.io", "--version", "1.17.6", "--namespace", "kube-system",
            "--values", "a.yaml", "--values", "-", "--set", "cluster.id=1"]);
        spec.StandardInput.ShouldBe("ipam:\n  mode: kubernetes\n");
    }

    [Fact]
    public void Pull_OciReference_HasNoRepositoryFlag()
    {
        Helm.Pull("oci://ghcr.io/controlplaneio-fluxcd/charts/flux-operator", null, "0.49.0", "/cache").Arguments
            .ShouldBe(["pull", "oci://ghcr.io/controlplaneio-fluxcd/charts/flux-operator", "--version", "0.49.0", "--destination", "/cache"]);
        Helm.Pull("longhorn", "https://charts.longhorn.io", null, "/cache").Arguments
            .ShouldBe(["pull", "longhorn", "--repo", "https://charts.longhorn.io", "--destination", "/cache"]);
    }

    [Fact]
    public void UpgradeInstall_ValuesOnStandardInput_WaitsWithTheTimeout()
    {
        var spec = Helm.UpgradeInstall("cilium", "cilium", "https://helm.cilium.io", "1.17.6", "kube-system", "/k/kubeconfig", "a: 1\n", TimeSpan.FromMinutes(10));
        spec.Arguments.ShouldBe(["upgrade", "--install", "cilium", "cilium", "--repo", "https://helm.cilium.io", "--version", "1.17.6", "--namespace", "kube-system",
            "--create-namespace", "--kubeconfig", "/k/kubeconfig", "--values", "-", "--wait", "--timeout", "600s"]);
        spec.StandardInput.ShouldBe("a: 1\n");
        spec.Timeout.ShouldBe(TimeSpan.FromMinutes(11));
    }

    [Fact]
    public void PackageAndRepoIndex_BuildARepositoryFolder()
    {
        Helm.Package("charts/demo", "/repo").Arguments.ShouldBe(["package", "charts/demo", "--destination", "/repo"]);
        Helm.RepoIndex("/repo", "http://127.0.0.1:8080").Arguments.ShouldBe(["repo", "index", "/repo", "--url", "http://127.0.0.1:8080"]);
        Helm.RepoIndex("/repo", null).Arguments.ShouldBe(["repo", "index", "/repo"]);
    }
}
