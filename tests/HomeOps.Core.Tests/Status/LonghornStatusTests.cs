using System.Text.Json.Nodes;
using HomeOps.Core.Status;

namespace HomeOps.Core.Tests.Status;

public sealed class LonghornStatusTests
{
    private static JsonObject Volume(string name, string state, string robustness) => new()
    {
        ["metadata"] = new JsonObject { ["name"] = name },
        ["spec"] = new JsonObject { ["numberOfReplicas"] = 3 },
        ["status"] = new JsonObject
        {
            ["state"] = state, ["robustness"] = robustness, ["currentNodeID"] = state == "attached" ? "mini01" : string.Empty,
            ["kubernetesStatus"] = new JsonObject { ["namespace"] = "apps", ["pvcName"] = name + "-claim" },
        },
    };

    private static JsonObject Condition(string type, string status, string reason = "", string message = "") =>
        new() { ["type"] = type, ["status"] = status, ["reason"] = reason, ["message"] = message };

    private static JsonObject Node(string name, bool ready = true, bool diskSchedulable = true, bool allowScheduling = true) => new()
    {
        ["metadata"] = new JsonObject { ["name"] = name },
        ["spec"] = new JsonObject { ["allowScheduling"] = allowScheduling, ["disks"] = new JsonObject { ["disk-1"] = new JsonObject { ["allowScheduling"] = true } } },
        ["status"] = new JsonObject
        {
            ["conditions"] = new JsonArray(Condition("Ready", ready ? "True" : "False", ready ? "" : "ManagerPodDown", ready ? "" : "Node mini03 is down: the manager pod longhorn-manager-x is not running"), Condition("Schedulable", "True")),
            ["diskStatus"] = new JsonObject
            {
                ["disk-1"] = new JsonObject
                {
                    ["storageAvailable"] = 50L * 1024 * 1024 * 1024, ["storageMaximum"] = 200L * 1024 * 1024 * 1024,
                    ["conditions"] = new JsonArray(Condition("Ready", "True"), diskSchedulable ? Condition("Schedulable", "True") : Condition("Schedulable", "False", "DiskPressure", "the disk is full")),
                },
            },
        },
    };

    [Fact]
    public void Evaluate_DetachedVolumeWithUnknownRobustness_IsFine()
    {
        var section = LonghornStatus.Evaluate([Volume("pvc-a", "detached", "unknown")], [Node("mini01")]);

        section.Health.ShouldBe(Health.Ok);
        section.Items.First().Detail.ShouldBe("detached, claim apps/pvc-a-claim, 3 replica(s) wanted");
    }

    [Fact]
    public void Evaluate_DegradedVolumes_OneWarningListingThem()
    {
        var section = LonghornStatus.Evaluate([Volume("pvc-a", "attached", "degraded"), Volume("pvc-b", "attached", "degraded"), Volume("pvc-c", "attached", "healthy")], [Node("mini01")]);

        section.Health.ShouldBe(Health.Warning);
        var finding = section.Findings.ShouldHaveSingleItem();
        (finding.Code, finding.Message).ShouldBe(("HO6121", "2 Longhorn volume(s) degraded (fewer healthy replicas than asked): pvc-a (apps/pvc-a-claim), pvc-b (apps/pvc-b-claim)"));
    }

    [Fact]
    public void Evaluate_FaultedVolume_Unhealthy()
    {
        var section = LonghornStatus.Evaluate([Volume("pvc-a", "detached", "faulted")], []);

        section.Health.ShouldBe(Health.Unhealthy);
        section.Findings.ShouldHaveSingleItem().Message.ShouldBe("Longhorn volume pvc-a is faulted: no replica is usable (claim apps/pvc-a-claim)");
    }

    [Fact]
    public void Evaluate_NodeDownAndDiskFull_OneFindingEach()
    {
        var section = LonghornStatus.Evaluate([], [Node("mini01", diskSchedulable: false), Node("mini03", ready: false)]);

        section.Findings.Select(f => f.Code).ShouldBe(["HO6123", "HO6122"]);
        section.Items.Single(i => i.Name == "disk/mini01/disk-1").Detail.ShouldBe("not schedulable: DiskPressure: the disk is full");
        section.Items.Single(i => i.Name == "node/mini03").Detail.ShouldBe("not Ready: ManagerPodDown: Node mini03 is down: the manager pod longhorn-manager-x is not running");
        section.Summary.ShouldBe("0 healthy, 0 degraded, 0 faulted of 0 volume(s); 1/2 node(s) Ready; 1/2 disk(s) schedulable");
    }

    [Fact]
    public void Evaluate_SchedulingDisabledOnNode_Warning()
    {
        var section = LonghornStatus.Evaluate([], [Node("mini01", allowScheduling: false)]);

        section.Items.Single(i => i.Name == "node/mini01").Health.ShouldBe(Health.Warning);
        section.Items.Single(i => i.Name == "disk/mini01/disk-1").Detail.ShouldBe("schedulable, 50 GiB of 200 GiB free");
    }
}
