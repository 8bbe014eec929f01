using HomeOps.Core.Diagnostics;

namespace HomeOps.Core.Upgrades;

/// <summary>
/// Plans Talos and Kubernetes upgrades the way Talos allows and documents them:
/// <list type="bullet">
/// <item>Talos goes to the newest patch of its current minor, then through the newest patch of every intermediate
/// minor, then to the target ("the recommended upgrade path is to always upgrade to the latest patch release of all
/// intermediate minor releases", Talos docs, upgrading-talos).</item>
/// <item>Kubernetes goes one minor at a time: talosctl upgrade-k8s accepts only 1.x→1.x and 1.x→1.(x+1)
/// (siderolabs/go-kubernetes kubernetes/upgrade/path.go IsSupported).</item>
/// <item>Every pair the cluster passes through is supported: a Talos hop X→Y needs the running Kubernetes inside the
/// ranges of both X and Y (the installer, and from 1.11 the machine-config validation, check it), and a Kubernetes hop
/// needs its target inside the range of the running Talos (upgrade-k8s checks every node).</item>
/// </list>
/// Talos hops go first whenever the pair allows it: a newer Talos only widens the Kubernetes versions that follow.
/// </summary>
public static class UpgradePlanner
{
    public static UpgradePlan Plan(ClusterVersions current, ClusterVersions target, SourceSpan at)
    {
        var problems = Check(current, target, at);
        if (problems.Count > 0)
        {
            return new UpgradePlan(current, target, [], problems);
        }

        var talosHops = new Queue<ReleaseVersion>(TalosHops(current.Talos, target.Talos));
        var kubernetesHops = new Queue<ReleaseVersion>(KubernetesHops(current.Kubernetes, target.Kubernetes));
        var steps = new List<UpgradeStep>();
        var (talos, kubernetes) = (current.Talos, current.Kubernetes);
        while (talosHops.Count > 0 || kubernetesHops.Count > 0)
        {
            if (talosHops.TryPeek(out var nextTalos) && Release(talos).Supports(kubernetes) && Release(nextTalos).Supports(kubernetes))
            {
                steps.Add(new UpgradeStep(UpgradeKind.Talos, talos, nextTalos, TalosWhy(talos, nextTalos, target.Talos)));
                talos = talosHops.Dequeue();
            }
            else if (kubernetesHops.TryPeek(out var nextKubernetes) && Release(talos).Supports(nextKubernetes))
            {
                steps.Add(new UpgradeStep(UpgradeKind.Kubernetes, kubernetes, nextKubernetes, KubernetesWhy(kubernetes, nextKubernetes, target.Kubernetes, talosHops)));
                kubernetes = kubernetesHops.Dequeue();
            }
            else
            {
                var blocked = talosHops.Count > 0
                    ? DiagnosticCatalog.UpgradePathBlocked.At(at, $"Talos {talos} → {nextTalos}", $"Kubernetes {kubernetes.MinorText}", Supported(talos, nextTalos))
                    : DiagnosticCatalog.UpgradePathBlocked.At(at, $"Kubernetes {kubernetes} → {nextKubernetes}", $"Talos {talos.MinorText}", $"Talos {talos.MinorText} supports {Release(talos).KubernetesRange}");
                return new UpgradePlan(current, target, steps, [blocked]);
            }
        }

        return new UpgradePlan(current, target, steps, []);
    }

    private static List<Diagnostic> Check(ClusterVersions current, ClusterVersions target, SourceSpan at)
    {
        var problems = new List<Diagnostic>();
        foreach (var (what, version) in new[] { ("running", current.Talos), ("target", target.Talos) })
        {
            if (TalosReleases.Find(version) is null)
            {
                problems.Add(DiagnosticCatalog.UpgradeTalosUnknown.At(at, version.ToString(), what, TalosReleases.All[0].NewestPatch.MinorText, TalosReleases.Newest.NewestPatch.ToString()));
            }
        }

        if (target.Talos < current.Talos)
        {
            problems.Add(DiagnosticCatalog.UpgradeDowngrade.At(at, "Talos", target.Talos.ToString(), current.Talos.ToString()));
        }

        if (target.Kubernetes < current.Kubernetes)
        {
            problems.Add(DiagnosticCatalog.UpgradeDowngrade.At(at, "Kubernetes", target.Kubernetes.ToString(), current.Kubernetes.ToString()));
        }

        if (problems.Count == 0 && !Release(target.Talos).Supports(target.Kubernetes))
        {
            problems.Add(DiagnosticCatalog.UpgradeTargetPairUnsupported.At(at, target.Talos.ToString(), target.Kubernetes.ToString(), Release(target.Talos).KubernetesRange));
        }

        if (problems.Count == 0 && KubernetesHops(current.Kubernetes, target.Kubernetes).FirstOrDefault(v => v.Patch < 0) is { Minor: > 0 } unknown)
        {
            problems.Add(DiagnosticCatalog.UpgradeKubernetesReleaseUnknown.At(at, unknown.MinorText, TalosReleases.All[0].DefaultKubernetes.MinorText, TalosReleases.Newest.DefaultKubernetes.MinorText));
        }

        return problems;
    }

    private static TalosReleases.Release Release(ReleaseVersion talos) => TalosReleases.Find(talos)!;

    private static string Supported(ReleaseVersion talos, ReleaseVersion next) =>
        talos.SameMinor(next)
            ? $"Talos {talos.MinorText} supports {Release(talos).KubernetesRange}"
            : $"Talos {talos.MinorText} supports {Release(talos).KubernetesRange} and {next.MinorText} supports {Release(next).KubernetesRange}";

    /// <summary>The newest patch of the running minor (when more minors follow), each intermediate minor's newest patch, the target.</summary>
    private static IEnumerable<ReleaseVersion> TalosHops(ReleaseVersion from, ReleaseVersion to)
    {
        if (to <= from)
        {
            yield break;
        }

        if (!from.SameMinor(to) && Release(from).NewestPatch > from)
        {
            yield return Release(from).NewestPatch;
        }

        foreach (var release in TalosReleases.All.Where(r => r.Minor > from.Minor && r.Minor < to.Minor))
        {
            yield return release.NewestPatch;
        }

        yield return to;
    }

    /// <summary>One minor at a time, each intermediate minor at the release the newest Talos of that line ships.</summary>
    private static IEnumerable<ReleaseVersion> KubernetesHops(ReleaseVersion from, ReleaseVersion to)
    {
        if (to <= from)
        {
            yield break;
        }

        for (var minor = from.Minor + 1; minor < to.Minor; minor++)
        {
            yield return TalosReleases.KubernetesPatchFor(minor) ?? new ReleaseVersion(1, minor, -1);
        }

        yield return to;
    }

    private static string TalosWhy(ReleaseVersion from, ReleaseVersion to, ReleaseVersion target) =>
        to == target ? "the target"
        : to.SameMinor(from) ? $"the newest patch of {from.MinorText} before the next minor (Talos tests upgrades between adjacent minors)"
        : $"the newest patch of {to.MinorText} on the way (no minor is skipped)";

    private static string KubernetesWhy(ReleaseVersion from, ReleaseVersion to, ReleaseVersion target, Queue<ReleaseVersion> talosHops) =>
        talosHops.TryPeek(out var nextTalos) && !Release(nextTalos).Supports(from)
            ? $"Talos {nextTalos.MinorText} needs Kubernetes {Release(nextTalos).KubernetesRange}"
            : to == target ? "the target" : "one Kubernetes minor at a time (talosctl upgrade-k8s allows no skip)";
}
