using HomeOps.Core.Talos.Rendering;

namespace HomeOps.Core.Tests.Talos;

public sealed class TalosctlCommandsTests
{
    [Fact]
    public void Reset_OnlyEverWipesStateAndEphemeral()
    {
        var resets = TalosctlCommands.Build(TalosTestCluster.Config(), "talos/generated").Where(c => c.Arguments[0] == "reset").ToList();
        resets.Count.ShouldBe(3);
        foreach (var reset in resets)
        {
            var labels = reset.Arguments.Select((a, i) => (a, i)).Where(x => x.a == "--system-labels-to-wipe").Select(x => reset.Arguments[x.i + 1]);
            labels.ShouldBe(["STATE", "EPHEMERAL"]);
            reset.Arguments.ShouldNotContain(a => a.StartsWith("--wipe-mode", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Commands_CoverApplyBootstrapUpgradeAndKubeconfig()
    {
        var lines = TalosctlCommands.Build(TalosTestCluster.Config(), "talos/generated").Select(c => c.CommandLine).ToList();
        lines.ShouldContain("talosctl apply-config --insecure --nodes 172.29.51.11 --file talos/generated/home-ops-mini01.yaml");
        lines.ShouldContain("talosctl bootstrap --nodes 172.29.51.11 --endpoints 172.29.51.11");
        lines.ShouldContain("talosctl upgrade --nodes 172.29.51.13 --image factory.talos.dev/metal-installer/046889043a3a6b4df4d2b999d8cf2b9ac013aae7cbda98f8b53b99ac226cf0f3:v1.10.5");
        lines.ShouldContain("talosctl upgrade-k8s --nodes 172.29.51.11 --to 1.31.1");
        lines.Count(l => l.Contains(" bootstrap ", StringComparison.Ordinal)).ShouldBe(1);
    }
}
