using System.Text.Json.Nodes;
using HomeOps.Core.Status;

namespace HomeOps.Core.Tests.Status;

public sealed class FluxStatusTests
{
    private static JsonObject Ks(string name, string? ready, string reason = "ReconciliationSucceeded", string message = "Applied revision: main@sha1:1", string[]? dependsOn = null, long generation = 1, long observed = 1, bool suspend = false, string ns = "flux-system")
    {
        var spec = new JsonObject { ["interval"] = "1h" };
        if (dependsOn is not null)
        {
            spec["dependsOn"] = new JsonArray([.. dependsOn.Select(d => (JsonNode)(d.Contains('/', StringComparison.Ordinal)
                ? new JsonObject { ["namespace"] = d.Split('/')[0], ["name"] = d.Split('/')[1] }
                : new JsonObject { ["name"] = d }))]);
        }

        if (suspend)
        {
            spec["suspend"] = true;
        }

        var status = new JsonObject { ["observedGeneration"] = observed, ["lastAppliedRevision"] = "main@sha1:1" };
        if (ready is not null)
        {
            status["conditions"] = new JsonArray(new JsonObject { ["type"] = "Ready", ["status"] = ready, ["reason"] = reason, ["message"] = message });
        }

        return new JsonObject
        {
            ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = ns, ["generation"] = generation },
            ["spec"] = spec,
            ["status"] = status,
        };
    }

    [Fact]
    public void Evaluate_ChainBrokenInTheMiddle_OneRootCauseNamingEverythingItBlocks()
    {
        var section = FluxStatus.Evaluate(
        [
            Ks("sources", "True"),
            Ks("database", "False", "HealthCheckFailed", "timeout", ["sources"]),
            Ks("identity", "False", "DependencyNotReady", "dependency 'flux-system/database' is not ready", ["database"]),
            Ks("apps", "False", "DependencyNotReady", "dependency 'flux-system/identity' is not ready", ["identity", "sources"]),
        ], []);

        section.Health.ShouldBe(Health.Unhealthy);
        section.Findings.Count.ShouldBe(1);
        section.Findings[0].Message.ShouldBe("ks/flux-system/database fails: HealthCheckFailed: timeout; blocks 2: ks/flux-system/apps, ks/flux-system/identity");
        section.Findings[0].Code.ShouldBe("HO6101");
        section.Items.Single(i => i.Name == "ks/flux-system/apps").Detail.ShouldBe("blocked by ks/flux-system/database");
        section.Items.Single(i => i.Name == "ks/flux-system/apps").Field("blockedBy").ShouldBe("ks/flux-system/database");
        section.Items.Single(i => i.Name == "ks/flux-system/sources").Health.ShouldBe(Health.Ok);
    }

    [Fact]
    public void Evaluate_TwoIndependentFailures_TwoRootCausesAndTheCommonDependentNamesBoth()
    {
        var section = FluxStatus.Evaluate(
        [
            Ks("a", "False", "BuildFailed", "kustomize build failed"),
            Ks("b", "False", "HealthCheckFailed", "timeout"),
            Ks("c", "False", "DependencyNotReady", "x", ["a", "b"]),
        ], []);

        section.Findings.Select(f => f.Message).ShouldBe(
        [
            "ks/flux-system/a fails: BuildFailed: kustomize build failed; blocks 1: ks/flux-system/c",
            "ks/flux-system/b fails: HealthCheckFailed: timeout; blocks 1: ks/flux-system/c",
        ]);
        section.Items.Single(i => i.Name == "ks/flux-system/c").Detail.ShouldBe("blocked by ks/flux-system/a, ks/flux-system/b");
    }

    [Fact]
    public void Evaluate_MissingDependency_IsTheRootCause()
    {
        var section = FluxStatus.Evaluate([Ks("apps", "False", "DependencyNotReady", "dependency 'flux-system/infra' not found", ["infra"])], []);

        section.Findings.Single().Message.ShouldBe("ks/flux-system/infra does not exist; blocks 1: ks/flux-system/apps");
        section.Findings.Single().Code.ShouldBe("HO6102");
    }

    [Fact]
    public void Evaluate_Cycle_OneRootCauseForTheWholeCycle()
    {
        var section = FluxStatus.Evaluate(
        [
            Ks("a", "False", "DependencyNotReady", "x", ["b"]),
            Ks("b", "False", "DependencyNotReady", "x", ["a"]),
            Ks("c", "False", "DependencyNotReady", "x", ["b"]),
        ], []);

        section.Findings.Count.ShouldBe(1);
        section.Findings[0].Message.ShouldStartWith("ks/flux-system/a is in a dependency cycle: ks/flux-system/a -> ks/flux-system/b -> ks/flux-system/a");
        section.Findings[0].Code.ShouldBe("HO6103");
        section.Items.Single(i => i.Name == "ks/flux-system/c").Detail.ShouldBe("blocked by ks/flux-system/a");
    }

    [Fact]
    public void Evaluate_ReadyForAnOlderGeneration_IsNotReadyAsFluxJudgesIt()
    {
        var section = FluxStatus.Evaluate([Ks("apps", "True", generation: 3, observed: 2), Ks("web", "False", "DependencyNotReady", "x", ["apps"])], []);

        section.Findings.Single().Message.ShouldStartWith("ks/flux-system/apps fails: reconciling generation 3 (Ready reports generation 2)");
    }

    [Fact]
    public void Evaluate_SuspendedDependency_WarnsAndBlocksNothing()
    {
        var section = FluxStatus.Evaluate([Ks("infra", "True", suspend: true), Ks("apps", "True", dependsOn: ["infra"])], []);

        section.Health.ShouldBe(Health.Warning);
        section.Findings.ShouldBeEmpty();
        section.Items[1].Detail.ShouldStartWith("suspended");
    }

    [Fact]
    public void Evaluate_HelmReleaseDependsOnAcrossNamespaces_FollowsTheNamespaceGiven()
    {
        var operatorRelease = Ks("cloudnative-pg", "False", "InstallFailed", "timeout", ns: "cnpg-system");
        var plugin = Ks("plugin", "False", "DependencyNotReady", "x", ["cnpg-system/cloudnative-pg"], ns: "other");

        var section = FluxStatus.Evaluate([], [operatorRelease, plugin]);

        section.Findings.Single().Message.ShouldBe("hr/cnpg-system/cloudnative-pg fails: InstallFailed: timeout; blocks 1: hr/other/plugin");
    }
}
