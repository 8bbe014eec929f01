namespace HomeOps.Core.Upgrades;

/// <summary>
/// What each released Talos minor supports, from siderolabs/talos at the newest patch tag of the minor
/// (git snapshot ad882317 of 2026-08-21; docs/upgrades.md cites each value):
/// <list type="bullet">
/// <item>Kubernetes range: <c>pkg/machinery/compatibility/talos1N/talos1N.go</c> MinimumKubernetesVersion
/// (1.min.0) and MaximumKubernetesVersion (1.max.99), applied by <c>compatibility/kubernetes_version.go</c>
/// SupportedWith.</item>
/// <item>Host upgrade window: the same files' MinimumHostUpgradeVersion and MaximumHostDowngradeVersion, applied by the
/// target installer through <c>compatibility/talos_version.go</c> UpgradeableFrom (DeniedHostUpgradeVersions is empty
/// for every minor here).</item>
/// <item>Newest patch and its DefaultKubernetesVersion: the newest tag of the minor and
/// <c>pkg/machinery/constants/constants.go</c> at that tag. The planner uses that Kubernetes release as the patch of
/// an intermediate Kubernetes minor, because it is the one Talos tested with its newest patch.</item>
/// </list>
/// Newer releases appear only when this table is updated; a version past it is refused with the newest known.
/// </summary>
public static class TalosReleases
{
    public sealed record Release(
        int Minor,
        int MinKubernetesMinor,
        int MaxKubernetesMinor,
        ReleaseVersion UpgradesFrom,
        ReleaseVersion RefusesHostFrom,
        ReleaseVersion NewestPatch,
        ReleaseVersion DefaultKubernetes)
    {
        public bool Supports(ReleaseVersion kubernetes) =>
            kubernetes.Major == 1 && kubernetes.Minor >= MinKubernetesMinor && kubernetes.Minor <= MaxKubernetesMinor;

        /// <summary>Whether the installer of this minor accepts a node that runs <paramref name="host"/>.</summary>
        public bool AcceptsHost(ReleaseVersion host) => host >= UpgradesFrom && host < RefusesHostFrom;

        public string KubernetesRange => $"v1.{MinKubernetesMinor}–v1.{MaxKubernetesMinor}";
    }

    private static Release R(int minor, int minK, int maxK, string from, string refuse, string newest, string kubernetes) =>
        new(minor, minK, maxK, ReleaseVersion.Parse(from), ReleaseVersion.Parse(refuse), ReleaseVersion.Parse(newest), ReleaseVersion.Parse(kubernetes));

    public static IReadOnlyList<Release> All { get; } =
    [
        R(3, 24, 26, "1.0.0", "1.5.0", "v1.3.7", "v1.26.3"),
        R(4, 25, 27, "1.0.0", "1.6.0", "v1.4.8", "v1.27.4"),
        R(5, 26, 28, "1.2.0", "1.7.0", "v1.5.6", "v1.28.3"),
        R(6, 24, 29, "1.3.0", "1.8.0", "v1.6.8", "v1.29.7"),
        R(7, 25, 30, "1.4.0", "1.9.0", "v1.7.7", "v1.30.5"),
        R(8, 26, 31, "1.5.0", "1.10.0", "v1.8.4", "v1.31.4"),
        R(9, 27, 32, "1.8.0", "1.11.0", "v1.9.6", "v1.32.4"),
        R(10, 28, 33, "1.8.0", "1.12.0", "v1.10.9", "v1.33.6"),
        R(11, 29, 34, "1.9.0", "1.13.0", "v1.11.6", "v1.34.1"),
        R(12, 30, 35, "1.10.0", "1.14.0", "v1.12.11", "v1.35.4"),
        R(13, 31, 36, "1.11.0", "1.15.0", "v1.13.9", "v1.36.3"),
    ];

    public static Release Newest => All[^1];

    public static Release? Find(ReleaseVersion talos) =>
        talos.Major == 1 ? All.FirstOrDefault(r => r.Minor == talos.Minor) : null;

    /// <summary>The Kubernetes release to stop at on the way through a minor: the one the newest Talos supporting it ships.</summary>
    public static ReleaseVersion? KubernetesPatchFor(int kubernetesMinor) =>
        All.Where(r => r.DefaultKubernetes.Minor == kubernetesMinor).Select(r => (ReleaseVersion?)r.DefaultKubernetes).LastOrDefault();
}
