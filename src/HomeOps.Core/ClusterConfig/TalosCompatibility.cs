using System.Globalization;

namespace HomeOps.Core.ClusterConfig;

/// <summary>
/// Which Kubernetes minors the Talos minors that cluster.yaml may name support. The ranges come from the one release
/// table (<see cref="Upgrades.TalosReleases"/>, which cites siderolabs/talos); cluster.yaml accepts the minors whose
/// machine configuration HomeOps renders (v1.8 to v1.11), the upgrade planner knows more.
/// </summary>
public static class TalosCompatibility
{
    private static readonly Dictionary<(int Major, int Minor), (int MinK8sMinor, int MaxK8sMinor)> s_table =
        Upgrades.TalosReleases.All.Where(r => r.Minor is >= 8 and <= 11)
            .ToDictionary(r => (1, r.Minor), r => (r.MinKubernetesMinor, r.MaxKubernetesMinor));

    public static IEnumerable<string> KnownTalosMinors => s_table.Keys.Select(k => $"v{k.Major}.{k.Minor}");

    /// <summary>The supported Kubernetes minor range of a Talos version, or null when the Talos minor is unknown.</summary>
    public static (string Min, string Max)? SupportedKubernetes(string talosVersion)
    {
        if (!TryParse(talosVersion, out var major, out var minor) || !s_table.TryGetValue((major, minor), out var range))
        {
            return null;
        }

        return ($"v1.{range.MinK8sMinor}", $"v1.{range.MaxK8sMinor}");
    }

    public static bool IsSupported(string talosVersion, string kubernetesVersion)
    {
        if (!TryParse(talosVersion, out var major, out var minor) || !s_table.TryGetValue((major, minor), out var range)
            || !TryParse(kubernetesVersion, out var kMajor, out var kMinor))
        {
            return false;
        }

        return kMajor == 1 && kMinor >= range.MinK8sMinor && kMinor <= range.MaxK8sMinor;
    }

    public static bool TryParse(string version, out int major, out int minor)
    {
        major = minor = 0;
        var parts = version.TrimStart('v').Split('.');
        return parts.Length >= 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out major)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out minor);
    }
}
