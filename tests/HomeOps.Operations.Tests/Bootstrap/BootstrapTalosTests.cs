using HomeOps.Core.Talos.Secrets;
using HomeOps.Operations.Bootstrap;
using HomeOps.Operations.Bootstrap.Steps;
using HomeOps.Operations.Nodes;
using HomeOps.Testing;

namespace HomeOps.Operations.Tests.Bootstrap;

/// <summary>
/// The bootstrap against Talos nodes that refuse what real ones refuse: another bundle's talosconfig, a config that
/// is not a machine config, a second etcd bootstrap after the first control plane was reset.
/// </summary>
public sealed class BootstrapTalosTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Bootstrap_NodesConfiguredWithAnotherBundle_RefusedInsteadOfAlreadyConfigured()
    {
        await using var h = await BootstrapHarness.StartAsync();
        (await h.RunAsync()).ShouldBeEmpty();

        // Another bundle in 1Password (a vault typo fixed the wrong way, say), and the local files derived from the old one gone.
        var item = h.Cluster.Op.Vaults.Find("Automation", "Talos Secrets - home-ops").ShouldHaveSingleItem();
        h.Cluster.Op.Vaults.Remove("Automation", item).ShouldBeTrue();
        h.Cluster.SeedTalosSecrets("Automation", "home-ops", SecretsBundleYaml.Write(TestSecrets.Generate("another-cluster")));
        File.Delete(h.Paths.TalosSecrets);
        File.Delete(h.Paths.Talosconfig);
        File.Delete(h.Paths.StateFile);
        var applies = h.Cluster.Talos.Nodes.Sum(n => n.Applies);

        var diagnostic = (await h.RunAsync()).ShouldHaveSingleItem(string.Join("\n", h.Progress.Lines));

        diagnostic.Code.ShouldBe("HO5070");
        diagnostic.Message.ShouldStartWith("Node mini01 (172.29.51.11) is configured, but not with this cluster's secrets bundle");
        diagnostic.Message.ShouldContain("x509: certificate signed by unknown authority");
        h.Progress.Lines.ShouldNotContain(l => l.Contains("already configured", StringComparison.Ordinal));
        h.Cluster.Talos.Nodes.Sum(n => n.Applies).ShouldBe(applies);
        h.Cluster.Talos.EtcdBootstraps.ShouldBe(1);
    }

    [Theory]
    [InlineData("machine: [unclosed\n", "failed to parse config: decode error: yaml: line")]
    [InlineData("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: not-talos\n", "failed to parse config: \"ConfigMap\" \"v1\": not registered")]
    [InlineData("apiVersion: v1alpha1\nkind: KmsgLogConfig\nname: remote\nurl: udp://10.0.0.1:6050/\n", "doesn't contain v1alpha1 config")]
    [InlineData("just: a map\n", "failed to parse config: missing kind")]
    public async Task Bootstrap_NodeConfigNotAMachineConfig_ApplyRefusedAsTalosRefusesIt(string content, string refusal)
    {
        await using var h = await BootstrapHarness.StartAsync();
        h.Progress.OnStepStarted = step =>
        {
            if (step == ApplyConfigsStep.StepName)
            {
                File.WriteAllText(h.Paths.NodeConfig("mini02"), content);
            }
        };

        var diagnostic = (await h.RunAsync()).ShouldHaveSingleItem();

        diagnostic.Code.ShouldBe("HO5011");
        diagnostic.Message.ShouldStartWith("Applying the machine config to mini02 (172.29.51.12) failed: error: error applying new configuration: rpc error");
        diagnostic.Message.ShouldContain(refusal);
        h.Cluster.Talos.Nodes[1].Configured.ShouldBeFalse();
        h.Cluster.Talos.EtcdBootstraps.ShouldBe(0);
    }

    [Fact]
    public async Task Bootstrap_AfterResettingTheFirstControlPlane_RejoinsWithoutASecondEtcdBootstrap()
    {
        await using var h = await BootstrapHarness.StartAsync();
        (await h.RunAsync()).ShouldBeEmpty();
        var (context, problems) = NodeOperationContext.Load(h.Workspace, h.Cluster.Runner, _ => { });
        problems.ShouldBeEmpty();
        (await ClusterReset.RunAsync(context!, new ClusterReset.Request(["mini01"], false, "home-ops", false), Ct)).ShouldBeEmpty();
        // mini01 comes back empty and takes minutes to rejoin etcd: bootstrapping its empty data directory now would
        // start a second etcd cluster next to the running one.
        h.Cluster.Talos.EtcdJoinsImmediately = false;
        var before = h.Cluster.Runner.Calls.Count;

        (await h.RunAsync()).ShouldBeEmpty(string.Join("\n", h.Progress.Lines));

        h.Cluster.Talos.EtcdBootstraps.ShouldBe(1);
        h.Cluster.Runner.Calls.Skip(before).ShouldNotContain(c => c.StartsWith("talosctl bootstrap", StringComparison.Ordinal));
        h.Progress.Lines.ShouldContain("  etcd-bootstrap: etcd runs on 172.29.51.12: mini01 joins that cluster, no new bootstrap");
        h.Cluster.Talos.Nodes[0].Configured.ShouldBeTrue();
    }
}
