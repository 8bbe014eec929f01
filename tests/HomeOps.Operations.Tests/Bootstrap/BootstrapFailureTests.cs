using HomeOps.Operations.Bootstrap;
using HomeOps.Operations.Bootstrap.Steps;

namespace HomeOps.Operations.Tests.Bootstrap;

/// <summary>Each failure ends in a clear diagnostic with a hint, and a later resume succeeds once the cause is gone.</summary>
public sealed class BootstrapFailureTests
{
    [Fact]
    public async Task MissingTool_ToolNotFoundThenResumeSucceeds()
    {
        await using var h = await BootstrapHarness.StartAsync();
        h.Cluster.Runner.Missing.Add("helm");

        var diagnostic = (await h.RunAsync()).ShouldHaveSingleItem();

        diagnostic.Code.ShouldBe("HO0101");
        diagnostic.Message.ShouldContain("'helm'");
        diagnostic.Hint!.ShouldContain("mise install");
        h.Cluster.Runner.Missing.Clear();
        (await h.RunAsync(h.Options with { Resume = true })).ShouldBeEmpty();
    }

    [Fact]
    public async Task OldTalosctl_VersionUnsupportedThenResumeSucceeds()
    {
        await using var h = await BootstrapHarness.StartAsync();
        h.Cluster.Talos.Version = "v1.9.5";

        var diagnostic = (await h.RunAsync()).ShouldHaveSingleItem();

        diagnostic.Code.ShouldBe("HO0102");
        diagnostic.Message.ShouldBe("'talosctl' is version 1.9.5; HomeOps needs v1.10 or newer (the cluster runs Talos v1.10.5)");
        h.Cluster.Talos.Version = "v1.10.5";
        (await h.RunAsync(h.Options with { Resume = true })).ShouldBeEmpty();
    }

    [Fact]
    public async Task UnreachableNode_NamedWithHintThenResumeSucceeds()
    {
        await using var h = await BootstrapHarness.StartAsync();
        h.Cluster.Talos.Nodes[1].Reachable = false;

        var diagnostic = (await h.RunAsync()).ShouldHaveSingleItem();

        diagnostic.Code.ShouldBe("HO5010");
        diagnostic.Message.ShouldStartWith("Node mini02 (172.29.51.12) does not answer on the Talos API");
        diagnostic.Hint!.ShouldContain("talosctl -n 172.29.51.12");
        h.Cluster.Talos.Nodes.ShouldAllBe(n => n.Applies == 0);
        h.Cluster.Talos.Nodes[1].Reachable = true;
        (await h.RunAsync(h.Options with { Resume = true })).ShouldBeEmpty();
    }

    [Fact]
    public async Task MissingOnePasswordItem_ItemMissingThenResumeSucceeds()
    {
        await using var h = await BootstrapHarness.StartAsync();
        var token = h.Cluster.Op.Vaults.Find("Automation", "1Password Connect Token - home-ops").ShouldHaveSingleItem();
        h.Cluster.Op.Vaults.Remove("Automation", token).ShouldBeTrue();

        var diagnostic = (await h.RunAsync()).ShouldHaveSingleItem();

        diagnostic.Code.ShouldBe("HO5020");
        diagnostic.Message.ShouldStartWith("1Password has no item '1Password Connect Token - home-ops' in vault 'Automation'");
        h.State.Steps[BootstrapSecretsStep.StepName].Status.ShouldBe(StepStatus.Failed);
        h.Cluster.Op.AddField("Automation", token.Title, "token", token.Field("token")!);
        (await h.RunAsync(h.Options with { Resume = true })).ShouldBeEmpty();
        h.Cluster.Talos.EtcdBootstraps.ShouldBe(1);
    }

    [Fact]
    public async Task TruncatedConnectCredentials_Refused()
    {
        await using var h = await BootstrapHarness.StartAsync();
        h.Cluster.Op.AddDocument("Automation", "1Password Connect Credentials - home-ops", "{\"verifier\":{\"salt\":\"fa");

        var diagnostic = (await h.RunAsync()).ShouldHaveSingleItem();

        diagnostic.Code.ShouldBe("HO5022");
        diagnostic.Message.ShouldContain("not valid JSON");
    }

    [Fact]
    public async Task ApiDownDuringWait_ApiUnreachableThenResumeSucceeds()
    {
        await using var h = await BootstrapHarness.StartAsync();
        h.Progress.OnStepStarted = step =>
        {
            if (step == FluxReadyStep.StepName && h.Cluster.Api.IsUp)
            {
                h.Cluster.Api.StopAsync().GetAwaiter().GetResult();
            }
        };

        var diagnostic = (await h.RunAsync(h.Options with { WaitTimeout = TimeSpan.FromSeconds(1) })).ShouldHaveSingleItem();

        diagnostic.Code.ShouldBe("HO5040");
        diagnostic.Message.ShouldContain("https://172.29.51.10:6443/");
        h.Progress.OnStepStarted = null;
        await h.Cluster.Api.RestartAsync();
        (await h.RunAsync(h.Options with { Resume = true })).ShouldBeEmpty();
    }

    [Fact]
    public async Task ChartInstallFails_PointsAtTheHelmReleaseThenResumeSucceeds()
    {
        await using var h = await BootstrapHarness.StartAsync();
        h.Cluster.Helm.FailNextInstall["connect"] = "timed out waiting for the condition";

        var diagnostic = (await h.RunAsync()).ShouldHaveSingleItem();

        diagnostic.Code.ShouldBe("HO5032");
        diagnostic.Location.Path.ShouldBe("infrastructure/onepassword-connect/helmrelease.yaml");
        (await h.RunAsync(h.Options with { Resume = true })).ShouldBeEmpty();
        h.Cluster.Helm.Releases.Values.ShouldAllBe(r => r.Revision == 1);
    }
}
