using HomeOps.Operations.Tests.Bootstrap;
using HomeOps.Operations.Upgrades;

namespace HomeOps.Operations.Tests.Upgrades;

/// <summary>
/// `homeops upgrade talos` and `homeops upgrade kubernetes` against a bootstrapped fake cluster: the order of what
/// they do to the nodes, the gates that stop them, the verification of what each node booted, and resuming.
/// </summary>
public sealed class UpgradeRunTests
{
    private const string Mini01 = "172.29.51.11";
    private const string Mini02 = "172.29.51.12";
    private const string Mini03 = "172.29.51.13";

    [Fact]
    public async Task Talos_OneHop_EachNodeGatedDrainedUpgradedVerifiedUncordonedInTurn()
    {
        await using var h = await UpgradeHarness.StartAsync();
        var before = h.Cluster.Runner.Calls.Count;

        (await h.TalosAsync("v1.10.9")).ShouldBeEmpty();

        h.Actions(before).ShouldBe([
            "primary mini01", "drain mini01", $"upgrade {Mini01}", "uncordon mini01",
            "primary mini02", "drain mini02", $"upgrade {Mini02}", "uncordon mini02",
            "primary mini03", "drain mini03", $"upgrade {Mini03}", "uncordon mini03",
        ]);
        h.Cluster.Talos.Nodes.ShouldAllBe(n => n.TalosVersion == "v1.10.9" && n.Upgrades == 1);
        h.Cluster.Talos.UpgradeLog.Select(u => u.Image).Distinct().ShouldHaveSingleItem().ShouldStartWith("factory.talos.dev/metal-installer/");
        h.Cluster.Talos.UpgradeLog[0].Image.ShouldEndWith(":v1.10.9");
        h.Log.ShouldContain(l => l.StartsWith("mini02: gate etcd before mini02: waiting for every etcd member healthy, no alarm, and quorum kept while mini02 restarts", StringComparison.Ordinal));
        h.Log.ShouldContain("mini01: runs Talos v1.10.9 with schematic " + h.Cluster.Talos.Nodes[0].Schematic);
    }

    [Fact]
    public async Task TalosAndKubernetes_TwoTalosMinorsWithAKubernetesBumpBetween_RunInASafeOrder()
    {
        await using var h = await UpgradeHarness.StartAsync(kubelet: "v1.29.15");
        var events = new List<string>();
        h.Cluster.Runner.AfterRun = spec =>
        {
            if (spec.Arguments is ["upgrade", ..])
            {
                events.Add("talos " + spec.Arguments[spec.Arguments.ToList().IndexOf("--image") + 1].Split(':')[^1]);
            }
            else if (spec.Arguments is ["upgrade-k8s", ..])
            {
                events.Add("kubernetes v" + spec.Arguments[^1]);
            }
        };

        // An operator alternating the two commands until nothing is left, as each one's last line says.
        for (var round = 0; round < 3; round++)
        {
            (await h.TalosAsync("v1.12.11")).ShouldBeEmpty();
            (await h.KubernetesAsync("v1.12.11")).ShouldBeEmpty();
        }

        // Talos 1.12 supports Kubernetes 1.30-1.35: Kubernetes leaves 1.29 (while Talos 1.11 runs, which supports 1.30) before it.
        events.ShouldBe([
            "talos v1.10.9", "talos v1.10.9", "talos v1.10.9", "talos v1.11.6", "talos v1.11.6", "talos v1.11.6",
            "kubernetes v1.30.5",
            "talos v1.12.11", "talos v1.12.11", "talos v1.12.11",
            "kubernetes v1.31.1",
        ]);
        h.Cluster.Talos.Nodes.ShouldAllBe(n => n.TalosVersion == "v1.12.11" && n.KubeletVersion == "v1.31.1" && n.Upgrades == 3);
        h.Log.ShouldContain(l => l.Contains("run 'homeops upgrade kubernetes'", StringComparison.Ordinal));
        h.Log.Last().ShouldBe("the cluster runs the targets");
    }

    [Fact]
    public async Task Talos_UnreachableTarget_RefusedBeforeAnyChange()
    {
        await using var h = await UpgradeHarness.StartAsync();
        var before = h.Cluster.Runner.Calls.Count;

        var diagnostic = (await UpgradeRunService.RunTalosAsync(h.Context(), new UpgradeRunRequest("v1.10.9", "v1.36.3", false), TestContext.Current.CancellationToken)).ShouldHaveSingleItem();

        diagnostic.Code.ShouldBe("HO9003");
        diagnostic.Message.ShouldBe("Talos v1.10.9 does not support Kubernetes v1.36.3: it supports v1.28–v1.33");
        h.Actions(before).ShouldBeEmpty();
        h.Cluster.Talos.Nodes.ShouldAllBe(n => n.Upgrades == 0);
    }

    [Fact]
    public async Task Talos_TargetIsNotAVersion_HO9006BeforeAnyChange()
    {
        await using var h = await UpgradeHarness.StartAsync();
        var before = h.Cluster.Runner.Calls.Count;

        var diagnostic = (await h.TalosAsync("latest")).ShouldHaveSingleItem();

        diagnostic.Code.ShouldBe("HO9006");
        diagnostic.Message.ShouldBe("'latest' (--talos) is not a release version");
        h.Actions(before).ShouldBeEmpty();
    }

    [Fact]
    public async Task Talos_EtcdLosesAMemberAfterTheFirstNode_StopsBeforeTheNextNode()
    {
        await using var h = await UpgradeHarness.StartAsync();
        h.GateTimeout = TimeSpan.FromSeconds(1);
        h.Cluster.Runner.AfterRun = spec =>
        {
            if (spec.Arguments is ["upgrade", ..])
            {
                h.Cluster.Talos.Nodes[2].EtcdErrors = "rpc error: code = DeadlineExceeded desc = context deadline exceeded";
            }
        };

        var diagnostic = (await h.TalosAsync("v1.10.9")).ShouldHaveSingleItem();

        diagnostic.Code.ShouldBe("HO9011");
        diagnostic.Message.ShouldStartWith("Gate 'etcd' after mini01 did not pass within 1 s:");
        diagnostic.Message.ShouldContain(Mini03);
        h.Cluster.Talos.Nodes.Select(n => n.Upgrades).ShouldBe([1, 0, 0]);
    }

    [Fact]
    public async Task Talos_EtcdMemberUnhealthyBeforeTheRun_NoControlPlaneIsTouched()
    {
        await using var h = await UpgradeHarness.StartAsync();
        h.GateTimeout = TimeSpan.FromSeconds(1);
        h.Cluster.Talos.Nodes[1].EtcdErrors = "rpc error: code = DeadlineExceeded desc = context deadline exceeded";
        var before = h.Cluster.Runner.Calls.Count;

        var diagnostic = (await h.TalosAsync("v1.10.9")).ShouldHaveSingleItem();

        diagnostic.Code.ShouldBe("HO9011");
        diagnostic.Message.ShouldStartWith("Gate 'etcd' before mini01 did not pass within 1 s:");
        h.Actions(before).ShouldBeEmpty();
    }

    [Fact]
    public async Task Talos_DegradedLonghornVolume_BlocksBeforeTheDrain()
    {
        await using var h = await UpgradeHarness.StartAsync();
        h.GateTimeout = TimeSpan.FromSeconds(1);
        await h.InstallLonghornAsync();
        h.AddVolume("pvc-home-assistant-config", "degraded", "mini02", "mini03");
        var before = h.Cluster.Runner.Calls.Count;

        var diagnostic = (await h.TalosAsync("v1.10.9")).ShouldHaveSingleItem();

        diagnostic.Code.ShouldBe("HO9011");
        diagnostic.Message.ShouldStartWith("Gate 'longhorn' before mini01 did not pass within 1 s:");
        diagnostic.Message.ShouldContain("pvc-home-assistant-config");
        h.Actions(before).ShouldBeEmpty();
    }

    [Fact]
    public async Task Talos_VolumeWhoseOnlyHealthyReplicaIsOnTheNode_BlocksThatNodeOnly()
    {
        await using var h = await UpgradeHarness.StartAsync();
        h.GateTimeout = TimeSpan.FromSeconds(1);
        await h.InstallLonghornAsync();
        h.AddVolume("pvc-mosquitto-data", "healthy", "mini02");
        h.AddVolume("pvc-postgresql-cluster-1", "healthy", "mini01", "mini02", "mini03");

        var diagnostic = (await h.TalosAsync("v1.10.9")).ShouldHaveSingleItem();

        diagnostic.Code.ShouldBe("HO9011");
        diagnostic.Message.ShouldBe("Gate 'longhorn' before mini02 did not pass within 1 s: 1 volume(s) have their only healthy replica on mini02: pvc-mosquitto-data");
        h.Cluster.Talos.Nodes.Select(n => n.Upgrades).ShouldBe([1, 0, 0]);
    }

    [Fact]
    public async Task Talos_RebootDegradesTheVolumesWithAReplicaThere_EachNodeWaitsForTheRebuildBeforeTheNext()
    {
        await using var h = await UpgradeHarness.StartAsync();
        var longhorn = await h.InstallLonghornAsync();
        longhorn.RebuildDelay = TimeSpan.FromMilliseconds(600);
        h.AddVolume("pvc-postgresql-cluster-1", "healthy", "mini01", "mini02", "mini03");
        h.AddVolume("pvc-mosquitto-data", "healthy", "mini02", "mini03");
        var atUpgrade = new List<string>();
        h.Cluster.Runner.BeforeRun = spec =>
        {
            if (spec.Arguments is ["upgrade", "--nodes", var address, ..])
            {
                atUpgrade.Add($"{address}: {h.Robustness("pvc-postgresql-cluster-1")}, {h.Robustness("pvc-mosquitto-data")}");
            }
        };

        (await h.TalosAsync("v1.10.9")).ShouldBeEmpty();

        // Each reboot degraded the volumes with a replica on that node; the next node was not touched before the rebuild.
        longhorn.Degraded.ShouldBe([
            ("pvc-postgresql-cluster-1", "mini01"),
            ("pvc-mosquitto-data", "mini02"), ("pvc-postgresql-cluster-1", "mini02"),
            ("pvc-mosquitto-data", "mini03"), ("pvc-postgresql-cluster-1", "mini03"),
        ]);
        atUpgrade.ShouldBe([$"{Mini01}: healthy, healthy", $"{Mini02}: healthy, healthy", $"{Mini03}: healthy, healthy"]);
        h.Log.ShouldContain(l => l.StartsWith("gate longhorn after mini02: still waiting: ", StringComparison.Ordinal) && l.Contains("pvc-mosquitto-data", StringComparison.Ordinal));
        h.Robustness("pvc-postgresql-cluster-1").ShouldBe("healthy");
        h.Cluster.Talos.Nodes.ShouldAllBe(n => n.Upgrades == 1);
    }

    [Fact]
    public async Task Talos_VolumeStillDegradedAtTheGateTimeout_StopsBeforeTheNextNodeWithHO9011()
    {
        await using var h = await UpgradeHarness.StartAsync();
        h.GateTimeout = TimeSpan.FromSeconds(1);
        var longhorn = await h.InstallLonghornAsync();
        longhorn.HoldRebuilds = true;
        h.AddVolume("pvc-home-assistant-config", "healthy", "mini01", "mini02");

        var diagnostic = (await h.TalosAsync("v1.10.9")).ShouldHaveSingleItem();

        diagnostic.Code.ShouldBe("HO9011");
        diagnostic.Message.ShouldStartWith("Gate 'longhorn' after mini01 did not pass within 1 s:");
        diagnostic.Message.ShouldContain("pvc-home-assistant-config");
        h.Robustness("pvc-home-assistant-config").ShouldBe("degraded");
        h.Cluster.Talos.Nodes.Select(n => n.Upgrades).ShouldBe([1, 0, 0]);
    }

    [Fact]
    public async Task Talos_NodeBootsItsOldImage_StopsWithHO9009BeforeUncordonAndTheNextNode()
    {
        await using var h = await UpgradeHarness.StartAsync();
        h.Cluster.Talos.Nodes[1].BootsOldImage = true;
        var before = h.Cluster.Runner.Calls.Count;

        var diagnostic = (await h.TalosAsync("v1.10.9")).ShouldHaveSingleItem();

        diagnostic.Code.ShouldBe("HO9009");
        diagnostic.Message.ShouldStartWith("mini02 came back on Talos v1.10.5 (schematic ");
        diagnostic.Message.ShouldContain("not the Talos v1.10.9");
        h.Actions(before).ShouldBe([
            "primary mini01", "drain mini01", $"upgrade {Mini01}", "uncordon mini01",
            "primary mini02", "drain mini02", $"upgrade {Mini02}",
        ]);
        h.Cluster.Talos.Nodes[2].Upgrades.ShouldBe(0);
    }

    [Fact]
    public async Task Talos_NodeBootsAnotherSchematicUnderTheImageName_StopsWithHO9010()
    {
        await using var h = await UpgradeHarness.StartAsync();
        h.Cluster.Talos.Nodes[0].PullsSchematic = Fakes.Programs.FakeTalosctl.VanillaSchematic;

        var diagnostic = (await h.TalosAsync("v1.10.9")).ShouldHaveSingleItem();

        diagnostic.Code.ShouldBe("HO9010");
        diagnostic.Message.ShouldStartWith($"mini01 runs Talos v1.10.9 with schematic {Fakes.Programs.FakeTalosctl.VanillaSchematic}, not the schematic ");
        h.Cluster.Talos.Nodes.Select(n => n.Upgrades).ShouldBe([1, 0, 0]);
    }

    [Fact]
    public async Task Talos_KilledAtEveryNode_ResumesAndUpgradesEachNodeExactlyOnce()
    {
        await using var h = await UpgradeHarness.StartAsync();
        await h.InstallCnpgAsync("postgresql-cluster", 3);
        var kills = 0;
        var killAfterUpgrade = new HashSet<string>([Mini01, Mini03]);
        h.KillAfterDrain = "mini02";
        h.Cluster.Runner.AfterRun = spec =>
        {
            if (spec.Arguments is ["upgrade", "--nodes", var address, ..] && killAfterUpgrade.Remove(address))
            {
                throw new SimulatedKillException("after talosctl upgrade of " + address);
            }
        };

        for (var run = 0; run < 6; run++)
        {
            try
            {
                (await h.TalosAsync("v1.10.9")).ShouldBeEmpty();
                break;
            }
            catch (SimulatedKillException)
            {
                kills++;
            }
        }

        kills.ShouldBe(3);
        h.Cluster.Talos.Nodes.ShouldAllBe(n => n.TalosVersion == "v1.10.9" && n.Upgrades == 1);
        h.Cluster.Talos.UpgradeLog.Select(u => u.Node).ShouldBe(["mini01", "mini02", "mini03"]);
        new[] { "mini01", "mini02", "mini03" }.ShouldAllBe(n => h.Node(n)["spec"]!["unschedulable"] == null || !h.Node(n)["spec"]!["unschedulable"]!.GetValue<bool>(), string.Join("\n", h.Log));
        h.Log.ShouldContain("mini01: still cordoned from an interrupted run: finishing it");
        // A node finished by the resumed run is checked as after an upgrade: talosctl health before its uncordon.
        var log = h.Log.ToList();
        var finishing = log.IndexOf("mini01: still cordoned from an interrupted run: finishing it");
        h.Cluster.Runner.Calls.ShouldContain(c => c.StartsWith($"talosctl health --nodes {Mini01} ", StringComparison.Ordinal));
        log.FindIndex(finishing, l => l == "mini01: healthy").ShouldBeGreaterThan(finishing, string.Join("\n", log));
        // The evicted instances came back on their nodes once each was schedulable again: one Ready instance per node.
        h.InstanceNodes("postgresql-cluster").ShouldBe(["mini01", "mini02", "mini03"], ignoreOrder: true);
    }

    [Fact]
    public async Task Talos_DryRun_PrintsEveryCommandAndGateInOrderAndChangesNothing()
    {
        await using var h = await UpgradeHarness.StartAsync();
        var before = h.Cluster.Runner.Calls.Count;

        (await h.TalosAsync("v1.10.9", dryRun: true)).ShouldBeEmpty();

        h.Actions(before).ShouldBeEmpty();
        h.Cluster.Talos.Nodes.ShouldAllBe(n => n.Upgrades == 0);
        h.Log.Last().ShouldBe("dry run, nothing changed: after these steps the cluster would run the targets");
        var lines = h.Log.SkipWhile(l => !l.StartsWith("Talos v1.10.5 → v1.10.9", StringComparison.Ordinal)).ToList();
        var mini01 = lines.SkipWhile(l => !l.StartsWith("gate etcd before mini01", StringComparison.Ordinal)).Take(12).Select(l => l.Split(':')[0]).ToList();
        mini01.ShouldBe([
            "gate etcd before mini01", "gate longhorn before mini01", "gate flux before mini01", "move the PostgreSQL primaries off mini01",
            "gate cnpg before mini01", "drain mini01 (cordon, evict with PodDisruptionBudgets respected)", $"talosctl upgrade --nodes {Mini01} --endpoints {Mini01} --talosconfig {h.Bootstrap.Paths.Talosconfig} --image factory.talos.dev/metal-installer/{h.Cluster.Talos.Nodes[0].Schematic}",
            "verify mini01 reports Talos v1.10.9 and schematic " + h.Cluster.Talos.Nodes[0].Schematic + " (talosctl version, talosctl get extensions)", "gate node-ready after mini01",
            $"talosctl health --nodes {Mini01} --endpoints {Mini01} --talosconfig {h.Bootstrap.Paths.Talosconfig} --wait-timeout 5s", "uncordon mini01", "gate longhorn after mini01",
        ]);
    }

    [Fact]
    public async Task Kubernetes_PlanNeedsTalosFirst_SaysSoAndChangesNothing()
    {
        await using var h = await UpgradeHarness.StartAsync(kubelet: "v1.29.15");
        var before = h.Cluster.Runner.Calls.Count;

        (await h.KubernetesAsync("v1.12.11")).ShouldBeEmpty();

        h.Actions(before).ShouldBeEmpty();
        h.Log.Last().ShouldBe("nothing for 'homeops upgrade kubernetes' to do first: the plan's next step is Talos v1.10.5 → v1.10.9 (the newest patch of v1.10 before the next minor (Talos tests upgrades between adjacent minors)); run 'homeops upgrade talos'");
    }

    [Fact]
    public async Task Talos_InstallerImageTheFactoryDoesNotHave_StopsAtTheFirstNodeWithTalossRefusal()
    {
        await using var h = await UpgradeHarness.StartAsync();
        h.Cluster.Talos.FactorySchematics.Clear();

        var diagnostic = (await h.TalosAsync("v1.10.9")).ShouldHaveSingleItem();

        diagnostic.Code.ShouldBe("HO9016");
        diagnostic.Message.ShouldStartWith($"mini01 ({Mini01}): 'talosctl upgrade' to factory.talos.dev/metal-installer/{h.Cluster.Talos.Nodes[0].Schematic}:v1.10.9 failed: ");
        diagnostic.Message.ShouldContain("error validating installer image");
        diagnostic.Hint!.ShouldContain("run 'homeops upgrade talos' again");
        diagnostic.Message.ShouldContain(": not found");
        h.Cluster.Talos.Nodes.ShouldAllBe(n => n.Upgrades == 0 && n.TalosVersion == "v1.10.5");
    }

    [Fact]
    public async Task Talos_NodeUnreachable_RefusedBeforeAnyChangeWithHO9014()
    {
        await using var h = await UpgradeHarness.StartAsync();
        h.Cluster.Talos.Nodes[2].Reachable = false;
        var before = h.Cluster.Runner.Calls.Count;

        var diagnostic = (await h.TalosAsync("v1.10.9")).ShouldHaveSingleItem();

        diagnostic.Code.ShouldBe("HO9014");
        diagnostic.Message.ShouldStartWith($"The Talos version and schematic of mini03 ({Mini03}) could not be read: ");
        h.Actions(before).ShouldBeEmpty();
    }

    [Fact]
    public async Task Kubernetes_ANodesTalosDoesNotSupportTheTarget_HO9012AndNoUpgrade()
    {
        await using var h = await UpgradeHarness.StartAsync(kubelet: "v1.29.15");
        // mini01 was upgraded to Talos v1.13.9 by hand, past what Kubernetes v1.29 allows; the others run v1.10.5.
        h.Cluster.Talos.Nodes[0].TalosVersion = "v1.13.9";
        h.Cluster.Nodes.RefreshNodeInfo(h.Store);
        var before = h.Cluster.Runner.Calls.Count;

        var diagnostic = (await h.KubernetesAsync("v1.10.5", "v1.30.5")).ShouldHaveSingleItem();

        diagnostic.Code.ShouldBe("HO9012");
        diagnostic.Message.ShouldBe("mini01 runs Talos v1.13.9, which supports Kubernetes v1.31–v1.36, not v1.30.5");
        h.Actions(before).ShouldBeEmpty();
    }

    [Fact]
    public async Task Kubernetes_AKubeletStaysBehind_HO9013()
    {
        await using var h = await UpgradeHarness.StartAsync(kubelet: "v1.30.5");
        h.GateTimeout = TimeSpan.FromSeconds(1);
        h.Cluster.Runner.AfterRun = spec =>
        {
            if (spec.Arguments is ["upgrade-k8s", ..])
            {
                h.Cluster.Talos.Nodes[1].KubeletVersion = "v1.30.5";
                h.Cluster.Nodes.RefreshNodeInfo(h.Store);
            }
        };

        var diagnostic = (await h.KubernetesAsync("v1.10.5", "v1.31.1")).ShouldHaveSingleItem();

        diagnostic.Code.ShouldBe("HO9013");
        diagnostic.Message.ShouldBe("After talosctl upgrade-k8s, mini02 reports kubelet v1.30.5, not v1.31.1");
    }

    [Fact]
    public async Task Kubernetes_TalosctlRefusesThePath_HO9015NamesTalosctlsAnswer()
    {
        await using var h = await UpgradeHarness.StartAsync(kubelet: "v1.32.4");
        h.Cluster.Talos.Version = "v1.9.6"; // an old talosctl: its go-kubernetes knows paths up to 1.32

        var diagnostic = (await h.KubernetesAsync("v1.10.5", "v1.33.6")).ShouldHaveSingleItem();

        diagnostic.Code.ShouldBe("HO9015");
        diagnostic.Message.ShouldContain("unsupported upgrade path 1.32->1.33");
        h.Cluster.Talos.Nodes.ShouldAllBe(n => n.KubeletVersion == "v1.32.4");
    }

    [Fact]
    public async Task Kubernetes_OneStep_UpgradesEveryKubeletThroughOneControlPlane()
    {
        await using var h = await UpgradeHarness.StartAsync(kubelet: "v1.30.5");
        var before = h.Cluster.Runner.Calls.Count;

        (await h.KubernetesAsync("v1.10.5", "v1.31.1")).ShouldBeEmpty();

        h.Actions(before).ShouldBe([$"upgrade-k8s {Mini01}"]);
        h.Cluster.Runner.Calls.Last(c => c.Contains("upgrade-k8s", StringComparison.Ordinal)).ShouldEndWith("--to 1.31.1");
        h.Cluster.Talos.Nodes.ShouldAllBe(n => n.KubeletVersion == "v1.31.1");
        h.Log.Last().ShouldBe("the cluster runs the targets");
    }

    [Fact]
    public async Task Talos_WithTheRealDrainAndSwitchover_EveryNodeUpgradedAndNoneRestartsHoldingAPrimary()
    {
        await using var h = await UpgradeHarness.StartAsync();
        h.GateTimeout = TimeSpan.FromSeconds(5);
        var cnpg = await h.InstallCnpgAsync("postgresql-cluster", 3);
        h.PrimaryNode("postgresql-cluster").ShouldBe("mini01");
        var restarts = new List<(string Node, string? Primary, List<string> Instances)>();
        h.Cluster.Runner.BeforeRun = spec =>
        {
            if (spec.Arguments is ["upgrade", "--nodes", var address, ..])
            {
                restarts.Add((h.Cluster.Talos.Nodes.Single(n => n.Address == address).Name, h.PrimaryNode("postgresql-cluster"), h.InstanceNodes("postgresql-cluster")));
            }
        };

        (await h.TalosAsync("v1.10.9")).ShouldBeEmpty(string.Join("\n", h.Log));

        // Each node's primary moved away first (a PATCH of the Cluster's status, then the operator), and its drain
        // evicted its replica (the operator's replica budget allows one at a time): no instance ran on a node as it
        // restarted, and the evicted one came back on its node once that was schedulable again.
        restarts.Select(r => (r.Node, r.Primary)).ShouldBe([("mini01", "mini02"), ("mini02", "mini01"), ("mini03", "mini01")]);
        restarts.ShouldAllBe(r => !r.Instances.Contains(r.Node));
        cnpg.Switchovers.Select(s => s.To).ShouldBe(["postgresql-cluster-2", "postgresql-cluster-1"]);
        h.Cluster.Talos.Nodes.ShouldAllBe(n => n.TalosVersion == "v1.10.9" && n.Upgrades == 1);
        h.InstanceNodes("postgresql-cluster").ShouldBe(["mini01", "mini02", "mini03"], ignoreOrder: true);
    }

    [Fact]
    public async Task Talos_OneInstancePostgresCluster_StopsBeforeTheDrainWithHO9060()
    {
        await using var h = await UpgradeHarness.StartAsync();
        h.GateTimeout = TimeSpan.FromSeconds(1);
        await h.InstallCnpgAsync("postgresql-cluster", 1);
        var before = h.Cluster.Runner.Calls.Count;

        var diagnostic = (await h.TalosAsync("v1.10.9")).ShouldHaveSingleItem();

        // A one-instance cluster cannot switch over: the run says so rather than take the database down.
        diagnostic.Code.ShouldBe("HO9060");
        h.Actions(before).ShouldBe(["primary mini01"]);
        h.Cluster.Talos.Nodes.ShouldAllBe(n => n.Upgrades == 0);
    }
}
