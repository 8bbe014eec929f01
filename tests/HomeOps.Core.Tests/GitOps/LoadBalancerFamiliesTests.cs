using HomeOps.Core.Diagnostics;
using HomeOps.Core.GitOps.Model;
using HomeOps.Core.GitOps.Rules;
using HomeOps.Core.Yaml;

namespace HomeOps.Core.Tests.GitOps;

/// <summary>
/// The families a LoadBalancer Service asks Cilium 1.17.6's LB IPAM for: Kubernetes' defaulting of ipFamilyPolicy and
/// ipFamilies, then the operator's serviceIPFamilyRequest (operator/pkg/lbipam/lbipam.go 1234-1290), case by case.
/// </summary>
public sealed class LoadBalancerFamiliesTests
{
    private static readonly string[] s_dual = ["IPv4", "IPv6"];
    private static readonly string[] s_v4 = ["IPv4"];

    private static KubeObject Service(string spec)
    {
        var yaml = $"apiVersion: v1\nkind: Service\nmetadata:\n  name: mqtt\n  namespace: demo\nspec:\n  type: LoadBalancer\n{spec}";
        var root = (YamlMapping)YamlReader.ReadSingle(yaml, "svc.yaml", new DiagnosticBag())!;
        return new KubeObject(root, new ObjectOrigin("flux-system/demo", "svc.yaml", 1));
    }

    [Theory]
    // No policy: SingleStack with the cluster's primary family, whatever Cilium runs.
    [InlineData("", "dual", "dual", "IPv4")]
    [InlineData("  ipFamilies: [IPv6]\n", "dual", "v4", "IPv6")]
    // PreferDualStack: both on a dual-stack cluster, but only the families Cilium runs.
    [InlineData("  ipFamilyPolicy: PreferDualStack\n", "dual", "dual", "IPv4,IPv6")]
    [InlineData("  ipFamilyPolicy: PreferDualStack\n  ipFamilies: [IPv4]\n", "dual", "dual", "IPv4,IPv6")]
    [InlineData("  ipFamilyPolicy: PreferDualStack\n  ipFamilies: [IPv6, IPv4]\n", "dual", "dual", "IPv6,IPv4")]
    [InlineData("  ipFamilyPolicy: PreferDualStack\n", "dual", "v4", "IPv4")]
    [InlineData("  ipFamilyPolicy: PreferDualStack\n  ipFamilies: [IPv4, IPv6]\n", "v4", "dual", "IPv4")]
    // RequireDualStack: every family Cilium runs.
    [InlineData("  ipFamilyPolicy: RequireDualStack\n", "dual", "dual", "IPv4,IPv6")]
    [InlineData("  ipFamilyPolicy: RequireDualStack\n", "dual", "v4", "IPv4")]
    [InlineData("  ipFamilyPolicy: SingleStack\n  ipFamilies: [IPv6]\n", "dual", "dual", "IPv6")]
    public void Requested_ServiceSpec_IsWhatTheOperatorAsksFor(string spec, string cluster, string cilium, string expected)
    {
        var clusterFamilies = cluster == "dual" ? s_dual : s_v4;
        var ciliumFamilies = (cilium == "dual" ? s_dual : s_v4).ToHashSet(StringComparer.Ordinal);
        var request = LoadBalancerFamilies.Requested(Service(spec), clusterFamilies, ciliumFamilies);
        string.Join(",", request.Families).ShouldBe(expected);
        request.Reason.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public void FamiliesOf_PoolWithBothKindsOfBlock_HasBoth()
    {
        var yaml = "apiVersion: cilium.io/v2alpha1\nkind: CiliumLoadBalancerIPPool\nmetadata:\n  name: dual\nspec:\n  blocks:\n"
            + "    - cidr: 172.29.52.0/28\n    - start: fd47:25e1:2f96:52:200::1\n      stop: fd47:25e1:2f96:52:200::ff\n    - start: 10.0.0.1\n";
        var pool = new KubeObject((YamlMapping)YamlReader.ReadSingle(yaml, "pool.yaml", new DiagnosticBag())!, new ObjectOrigin("k", "pool.yaml", 1));
        LoadBalancerFamilies.FamiliesOf(pool).Order(StringComparer.Ordinal).ShouldBe(["IPv4", "IPv6"]);
    }

    [Fact]
    public void SelectorLabels_AddTheNameAndNamespaceCiliumAdds()
    {
        var labels = LoadBalancerFamilies.SelectorLabels(Service(string.Empty));
        labels["io.kubernetes.service.name"].ShouldBe("mqtt");
        labels["io.kubernetes.service.namespace"].ShouldBe("demo");
    }
}
