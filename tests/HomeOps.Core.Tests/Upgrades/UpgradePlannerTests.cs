using HomeOps.Core.Diagnostics;
using HomeOps.Core.Upgrades;

namespace HomeOps.Core.Tests.Upgrades;

public sealed class UpgradePlannerTests
{
    private static readonly SourceSpan At = SourceSpan.At("cluster.yaml", 3, 3);

    private static UpgradePlan Plan(string talos, string kubernetes, string targetTalos, string targetKubernetes) =>
        UpgradePlanner.Plan(
            new ClusterVersions(ReleaseVersion.Parse(talos), ReleaseVersion.Parse(kubernetes)),
            new ClusterVersions(ReleaseVersion.Parse(targetTalos), ReleaseVersion.Parse(targetKubernetes)),
            At);

    private static string[] Lines(UpgradePlan plan) => [.. plan.Steps.Select(s => s.Describe())];

    [Fact]
    public void Plan_TwoTalosMinorsWithKubernetesBelowTheNextRange_RaisesKubernetesBetweenThem()
    {
        var plan = Plan("v1.10.5", "v1.28.3", "v1.12.11", "v1.33.6");

        plan.Diagnostics.ShouldBeEmpty();
        Lines(plan).ShouldBe(
        [
            "Talos v1.10.5 → v1.10.9",
            "Kubernetes v1.28.3 → v1.29.7",
            "Talos v1.10.9 → v1.11.6",
            "Kubernetes v1.29.7 → v1.30.5",
            "Talos v1.11.6 → v1.12.11",
            "Kubernetes v1.30.5 → v1.31.4",
            "Kubernetes v1.31.4 → v1.32.4",
            "Kubernetes v1.32.4 → v1.33.6",
        ]);
        plan.Steps[1].Why.ShouldContain("Talos v1.11 needs Kubernetes v1.29–v1.34");
    }

    [Fact]
    public void Plan_BundledClusterToNewestTalos_GoesThroughTheNewestPatchOfEveryMinor()
    {
        var plan = Plan("v1.10.5", "v1.31.1", "v1.13.9", "v1.36.3");

        Lines(plan).ShouldBe(
        [
            "Talos v1.10.5 → v1.10.9",
            "Talos v1.10.9 → v1.11.6",
            "Talos v1.11.6 → v1.12.11",
            "Talos v1.12.11 → v1.13.9",
            "Kubernetes v1.31.1 → v1.32.4",
            "Kubernetes v1.32.4 → v1.33.6",
            "Kubernetes v1.33.6 → v1.34.1",
            "Kubernetes v1.34.1 → v1.35.4",
            "Kubernetes v1.35.4 → v1.36.3",
        ]);
    }

    [Fact]
    public void Plan_PatchUpgradeWithinOneMinor_IsOneStepToTheTarget()
    {
        Lines(Plan("v1.10.5", "v1.31.1", "v1.10.7", "v1.31.1")).ShouldBe(["Talos v1.10.5 → v1.10.7"]);
        Lines(Plan("v1.10.5", "v1.31.1", "v1.10.5", "v1.31.4")).ShouldBe(["Kubernetes v1.31.1 → v1.31.4"]);
        Plan("v1.10.5", "v1.31.1", "v1.10.5", "v1.31.1").Steps.ShouldBeEmpty();
    }

    [Fact]
    public void Plan_TargetPairTalosDoesNotSupport_IsRefusedNamingThePair()
    {
        var plan = Plan("v1.10.5", "v1.31.1", "v1.11.6", "v1.36.0");

        plan.CanRun.ShouldBeFalse();
        plan.Steps.ShouldBeEmpty();
        var problem = plan.Diagnostics.ShouldHaveSingleItem();
        problem.Code.ShouldBe("HO9003");
        problem.Message.ShouldBe("Talos v1.11.6 does not support Kubernetes v1.36.0: it supports v1.29–v1.34");
        problem.Location.ShouldBe(At);
    }

    [Fact]
    public void Plan_TalosPastTheReleaseTable_IsRefusedWithTheNewestKnown()
    {
        var problem = Plan("v1.10.5", "v1.31.1", "v1.14.0", "v1.33.0").Diagnostics.ShouldHaveSingleItem();
        problem.Code.ShouldBe("HO9001");
        problem.Message.ShouldContain("v1.13.9");
    }

    [Fact]
    public void Plan_OlderTargets_AreRefusedAsDowngrades()
    {
        var plan = Plan("v1.10.5", "v1.31.1", "v1.9.6", "v1.30.0");
        plan.Diagnostics.Select(d => d.Code).ShouldBe(["HO9002", "HO9002"]);
    }

    [Fact]
    public void Plan_RunningPairTalosDoesNotSupport_IsBlockedNamingThePair()
    {
        var problem = Plan("v1.13.0", "v1.26.3", "v1.13.9", "v1.36.3").Diagnostics.ShouldHaveSingleItem();
        problem.Code.ShouldBe("HO9004");
        problem.Message.ShouldBe("Talos v1.13.0 → v1.13.9 cannot run with Kubernetes v1.26: Talos v1.13 supports v1.31–v1.36");
    }

    [Fact]
    public void Plan_ThroughAKubernetesMinorWithNoKnownRelease_SaysWhichMinor()
    {
        var problem = Plan("v1.6.0", "v1.24.0", "v1.6.8", "v1.26.3").Diagnostics.ShouldHaveSingleItem();
        problem.Code.ShouldBe("HO9005");
        problem.Message.ShouldStartWith("The path passes Kubernetes v1.25,");
    }

    /// <summary>
    /// Every supported starting pair to every supported target pair it can reach: each pair on the way is one the
    /// running Talos supports, each Talos hop is one the target installer accepts and skips no minor, each Kubernetes
    /// hop is one talosctl upgrade-k8s accepts, and the plan ends at the targets.
    /// </summary>
    [Fact]
    public void Plan_EverySupportedPairToEveryReachableTarget_NeverLeavesASupportedPair()
    {
        var starts = Pairs(patchOfTalos: r => [new ReleaseVersion(1, r.Minor, 0), r.NewestPatch]).ToList();
        var targets = Pairs(patchOfTalos: r => [r.NewestPatch]).ToList();
        var plans = 0;
        foreach (var start in starts)
        {
            foreach (var target in targets.Where(t => t.Talos >= start.Talos && t.Kubernetes >= start.Kubernetes))
            {
                var plan = UpgradePlanner.Plan(start, target, At);
                plan.Diagnostics.ShouldBeEmpty($"{start} → {target}");
                var (talos, kubernetes) = (start.Talos, start.Kubernetes);
                foreach (var step in plan.Steps)
                {
                    step.From.ShouldBe(step.Kind == UpgradeKind.Talos ? talos : kubernetes);
                    if (step.Kind == UpgradeKind.Talos)
                    {
                        (step.To.Minor - talos.Minor).ShouldBeInRange(0, 1, $"{start} → {target}: {step.Describe()}");
                        TalosReleases.Find(step.To)!.AcceptsHost(talos).ShouldBeTrue($"{start} → {target}: {step.Describe()}");
                        talos = step.To;
                    }
                    else
                    {
                        (step.To.Minor - kubernetes.Minor).ShouldBeInRange(0, 1, $"{start} → {target}: {step.Describe()}");
                        kubernetes = step.To;
                    }

                    TalosReleases.Find(talos)!.Supports(kubernetes).ShouldBeTrue($"{start} → {target}: {step.Describe()} leaves Talos {talos} with Kubernetes {kubernetes}");
                }

                (talos, kubernetes).ShouldBe((target.Talos, target.Kubernetes));
                plans++;
            }
        }

        plans.ShouldBeGreaterThan(1000);
    }

    private static IEnumerable<ClusterVersions> Pairs(Func<TalosReleases.Release, ReleaseVersion[]> patchOfTalos) =>
        from release in TalosReleases.All
        from talos in patchOfTalos(release)
        from minor in Enumerable.Range(release.MinKubernetesMinor, release.MaxKubernetesMinor - release.MinKubernetesMinor + 1)
        where TalosReleases.KubernetesPatchFor(minor) is not null
        select new ClusterVersions(talos, new ReleaseVersion(1, minor, 0));
}
