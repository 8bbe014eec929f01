using HomeOps.Core.GitOps.Build;
using HomeOps.Core.Schema;

namespace HomeOps.Core.Tests.GitOps;

/// <summary>The embedded API data of Kubernetes 1.31-1.36 (facts: notes/facts-kubernetes-versions.md §3.3-3.5).</summary>
public sealed class BuiltinSchemasTests
{
    [Fact]
    public void Available_EveryMinorFrom131ToTheNewestRelease() =>
        BuiltinSchemas.Available.ShouldBe(["1.31", "1.32", "1.33", "1.34", "1.35", "1.36"]);

    [Theory]
    [InlineData("1.33", "resource.k8s.io/v1", "ResourceClaimTemplate", false)]
    [InlineData("1.34", "resource.k8s.io/v1", "ResourceClaimTemplate", true)]
    [InlineData("1.35", "admissionregistration.k8s.io/v1", "MutatingAdmissionPolicy", false)]
    [InlineData("1.36", "admissionregistration.k8s.io/v1", "MutatingAdmissionPolicy", true)]
    [InlineData("1.32", "networking.k8s.io/v1", "ServiceCIDR", false)]
    [InlineData("1.33", "networking.k8s.io/v1", "ServiceCIDR", true)]
    public void Find_ServesWhatEachReleaseServes(string version, string apiVersion, string kind, bool served) =>
        (BuiltinSchemas.Load(version)!.Find(apiVersion, kind) is not null).ShouldBe(served);

    [Fact]
    public void RemovedBefore_RemovalInsideTheData_NamesTheReleaseAndTheReplacement()
    {
        var removed = BuiltinSchemas.Load("1.33")!.RemovedBefore("flowcontrol.apiserver.k8s.io/v1beta3", "FlowSchema");
        removed.ShouldNotBeNull();
        removed.RemovedIn.ShouldBe("1.32");
        removed.Replacement.ShouldBe("flowcontrol.apiserver.k8s.io/v1");
    }

    [Fact]
    public void RemovedBefore_RemovalFromTheMigrationGuide_NamesTheReleaseAndTheReplacement()
    {
        var removed = BuiltinSchemas.Load("1.31")!.RemovedBefore("policy/v1beta1", "PodDisruptionBudget");
        removed.ShouldNotBeNull();
        removed.RemovedIn.ShouldBe("1.25");
        removed.Replacement.ShouldBe("policy/v1");
        BuiltinSchemas.Load("1.31")!.RemovedBefore("policy/v1", "PodDisruptionBudget").ShouldBeNull();
    }

    [Fact]
    public void RemovedAfter_ServedNowGoneLater_NamesTheFirstReleaseWithoutIt()
    {
        BuiltinSchemas.Load("1.31")!.RemovedAfter("flowcontrol.apiserver.k8s.io/v1beta3", "FlowSchema").ShouldBe("1.32");
        BuiltinSchemas.Load("1.31")!.RemovedAfter("apps/v1", "Deployment").ShouldBeNull();
    }

    [Theory]
    [InlineData("1.29", "1.31")]
    [InlineData("1.34", "1.34")]
    [InlineData("1.40", "1.36")]
    [InlineData(null, "1.36")]
    public void Nearest_UnknownVersion_TakesTheClosestRelease(string? asked, string used) =>
        BuiltinSchemas.Nearest(asked).KubernetesVersion.ShouldBe(used);

    [Fact]
    public void Detect_SeveralClusters_TakesTheEntrysClusterAndItsOldestPin()
    {
        var tree = new MemorySourceTree(new()
        {
            ["talos/main/machineconfig.yaml.j2"] = "machine:\n  kubelet:\n    image: ghcr.io/siderolabs/kubelet:v1.36.2\n",
            ["talos/main/controlplane/a.yaml"] = "cluster:\n  apiServer:\n    image: registry.k8s.io/kube-apiserver:v1.35.9@sha256:00\n",
            ["talos/test/machineconfig.yaml.j2"] = "image: ghcr.io/siderolabs/kubelet:v1.33.0\n",
            ["kubernetes/apps/upgrade.yaml"] = "image: registry.k8s.io/kube-apiserver:v1.31.0\n",
        });
        var found = ClusterKubernetesVersion.Detect(tree, tree.AllFiles, "kubernetes/clusters/main");
        found.ShouldNotBeNull();
        found.Value.Version.ShouldBe("v1.35.9");
        found.Value.At.Path.ShouldBe("talos/main/controlplane/a.yaml");
        found.Value.At.Line.ShouldBe(3);
    }

    [Fact]
    public void Detect_TalconfigKubernetesVersion_IsRead()
    {
        var tree = new MemorySourceTree(new() { ["talconfig.yaml"] = "clusterName: home\nkubernetesVersion: v1.34.1\n" });
        ClusterKubernetesVersion.Detect(tree, tree.AllFiles, "clusters/home")!.Value.Version.ShouldBe("v1.34.1");
    }
}
