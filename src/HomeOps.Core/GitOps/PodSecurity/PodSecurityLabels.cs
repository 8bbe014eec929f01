namespace HomeOps.Core.GitOps.PodSecurity;

/// <summary>
/// A namespace's <c>pod-security.kubernetes.io/enforce</c> and <c>enforce-version</c> labels, parsed as
/// pod-security-admission v0.31 does (api/helpers.go ParseLevel and ParseVersion: a level is privileged, baseline or
/// restricted; a version is <c>latest</c> or <c>v1.N</c>).
/// </summary>
public static partial class PodSecurityLabels
{
    public const string Prefix = "pod-security.kubernetes.io/";
    public const string Enforce = Prefix + "enforce";
    public const string EnforceVersion = Prefix + "enforce-version";

    /// <summary>The six labels admission reads; an invalid value in any of them makes the API server refuse the namespace.</summary>
    public static readonly string[] All = [Enforce, EnforceVersion, Prefix + "audit", Prefix + "audit-version", Prefix + "warn", Prefix + "warn-version"];

    public static PodSecurityLevel? ParseLevel(string value) => value switch
    {
        "privileged" => PodSecurityLevel.Privileged,
        "baseline" => PodSecurityLevel.Baseline,
        "restricted" => PodSecurityLevel.Restricted,
        _ => null,
    };

    /// <summary>The minor of a <c>v1.N</c> version, int.MaxValue for <c>latest</c>, null when invalid.</summary>
    public static int? ParseVersion(string value)
    {
        if (value == "latest")
        {
            return int.MaxValue;
        }

        var match = VersionPattern().Match(value);
        return match.Success && int.TryParse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture, out var minor) ? minor : null;
    }

    /// <summary>Why a label's value is invalid, or null when admission accepts it.</summary>
    public static string? Problem(string label, string value) =>
        label.EndsWith("-version", StringComparison.Ordinal)
            ? ParseVersion(value) is null ? "is not 'latest' or 'v1.N'" : null
            : ParseLevel(value) is null ? "is not privileged, baseline or restricted" : null;

    [System.Text.RegularExpressions.GeneratedRegex(@"^v1\.([0-9]|[1-9][0-9]*)$")]
    private static partial System.Text.RegularExpressions.Regex VersionPattern();
}
