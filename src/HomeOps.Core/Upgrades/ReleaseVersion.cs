using System.Globalization;
using System.Text.RegularExpressions;

namespace HomeOps.Core.Upgrades;

/// <summary>
/// A Talos or Kubernetes release number: major.minor.patch, read tolerantly ("v1.10.5", "1.31", "v1.36.0-rc.0").
/// A pre-release suffix is kept for display and ignored in comparisons, as Talos's compatibility checks ignore it
/// (they compare the major.minor.patch triple).
/// </summary>
public readonly partial record struct ReleaseVersion(int Major, int Minor, int Patch) : IComparable<ReleaseVersion>
{
    public static bool TryParse(string? text, out ReleaseVersion version)
    {
        version = default;
        if (text is null || Pattern().Match(text.Trim()) is not { Success: true } m)
        {
            return false;
        }

        var patch = m.Groups["patch"].Success ? int.Parse(m.Groups["patch"].Value, CultureInfo.InvariantCulture) : 0;
        version = new ReleaseVersion(int.Parse(m.Groups["major"].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups["minor"].Value, CultureInfo.InvariantCulture), patch);
        return true;
    }

    public static ReleaseVersion Parse(string text) =>
        TryParse(text, out var version) ? version : throw new FormatException($"'{text}' is not a release version");

    /// <summary>The same release line: equal major and minor.</summary>
    public bool SameMinor(ReleaseVersion other) => Major == other.Major && Minor == other.Minor;

    public int CompareTo(ReleaseVersion other) =>
        Major != other.Major ? Major.CompareTo(other.Major) : Minor != other.Minor ? Minor.CompareTo(other.Minor) : Patch.CompareTo(other.Patch);

    public static bool operator <(ReleaseVersion a, ReleaseVersion b) => a.CompareTo(b) < 0;

    public static bool operator >(ReleaseVersion a, ReleaseVersion b) => a.CompareTo(b) > 0;

    public static bool operator <=(ReleaseVersion a, ReleaseVersion b) => a.CompareTo(b) <= 0;

    public static bool operator >=(ReleaseVersion a, ReleaseVersion b) => a.CompareTo(b) >= 0;

    /// <summary>"v1.10.5", the way Talos tags and cluster.yaml write versions.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"v{Major}.{Minor}.{Patch}");

    /// <summary>"v1.10", the release line.</summary>
    public string MinorText => string.Create(CultureInfo.InvariantCulture, $"v{Major}.{Minor}");

    [GeneratedRegex(@"^v?(?<major>\d{1,4})\.(?<minor>\d{1,4})(?:\.(?<patch>\d{1,6}))?(?:[-+][0-9A-Za-z.\-]*)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
