using System.Text.RegularExpressions;

namespace HomeOps.Core.Schema;

/// <summary>The string formats cluster.yaml uses. Network values have dedicated types; these cover the rest.</summary>
public static class ValueFormats
{
    public const string DnsLabel = "dns-label";
    public const string DomainName = "domain-name";
    public const string Version = "version";
    public const string GitUrl = "git-url";
    public const string Email = "email";
    public const string ExtensionName = "extension-name";
    public const string RelativePath = "relative-path";
    public const string Size = "size";
    public const string Url = "url";
    public const string NetworkInterface = "interface-name";
    public const string ObjectName = "object-name";
    public const string Uuid = "uuid";
    public const string BucketName = "bucket-name";
    public const string KmsgLogUrl = "kmsg-log-url";
    public const string UserVolumeName = "user-volume-name";

    /// <summary>
    /// Talos labels a user volume's partition u-&lt;name&gt; and a GPT partition label holds 36 characters, so a name has at
    /// most 34 (siderolabs/talos v1.10.5 pkg/machinery/config/types/block/user_volume_config.go:45).
    /// </summary>
    public const int UserVolumeNameMaxLength = 34;

    private static readonly Regex s_dnsLabel = Pattern("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$");

    private static readonly Dictionary<string, ValueFormat> s_formats = new ValueFormat[]
    {
        Matching(DnsLabel, "a DNS-1123 label: lowercase letters, digits and '-', starting and ending with a letter or digit, at most 63 characters",
            s_dnsLabel.ToString(), "is not a valid DNS-1123 label"),
        new(DomainName, "a DNS domain name such as k8s.home.example.com", null, CheckDomain),
        Matching(Version, "a version with a leading v, such as v1.10.5", "^v[0-9]+\\.[0-9]+\\.[0-9]+$", "is not a version of the form vMAJOR.MINOR.PATCH"),
        Matching(GitUrl, "a Git repository URL (https://, ssh:// or git@host:path)",
            "^(https://[^\\s/]+/\\S+|ssh://\\S+@[^\\s/]+/\\S+|git@[^\\s:]+:\\S+)$", "is not an https://, ssh:// or git@ repository URL"),
        Matching(Email, "an e-mail address", "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", "is not an e-mail address"),
        Matching(ExtensionName, "an official Talos system extension, such as siderolabs/iscsi-tools", "^[a-z0-9-]+/[a-z0-9.-]+$", "is not of the form owner/name"),
        new(RelativePath, "a path relative to the repository root, with no '..'",
            null, v => v.Length > 0 && !v.StartsWith('/') && !v.Split('/').Contains("..") && !v.Contains('\\', StringComparison.Ordinal) ? null : "must be a relative path inside the repository"),
        Matching(Size, "a size such as 1TB, 500GB or 100GiB", "^[0-9]+(\\.[0-9]+)?\\s*(B|kB|KB|MB|GB|TB|KiB|MiB|GiB|TiB)$", "is not a size such as 1TB or 500GiB"),
        new(Url, "an absolute URL such as udp://172.29.51.1:514/",
            null, v => Uri.TryCreate(v, UriKind.Absolute, out var u) && u.Scheme.Length > 0 && !string.IsNullOrEmpty(u.Host) ? null : "is not an absolute URL"),
        Matching(NetworkInterface, "a Linux network interface name such as enp3s0f0 (at most 15 characters)", "^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,14}$", "is not a valid interface name"),
        Matching(ObjectName, "a Kubernetes object name: lowercase letters, digits, '-' and '.'", "^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$", "is not a valid Kubernetes object name"),
        Matching(Uuid, "a UUID such as 16c18922-4cba-49e5-b463-d41dde8f8f2d", "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", "is not a lowercase UUID"),
        Matching(BucketName, "an S3 bucket name: 3-63 lowercase letters, digits, '.' and '-', starting and ending with a letter or digit",
            "^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$", "is not a valid S3 bucket name", v => v.Contains("..", StringComparison.Ordinal) ? "is not a valid S3 bucket name" : null),

        // Host (a name, an IPv4 address or a bracketed IPv6 address), a port, and at most a "/" of path (Talos rejects a
        // path, a missing port, and any scheme but tcp and udp: pkg/machinery/config/types/runtime/kmsg_log.go:117-145).
        Matching(KmsgLogUrl, "a tcp:// or udp:// address with a port and no path, such as udp://172.29.51.1:514/ (Talos's KmsgLogConfig url)",
            "^(tcp|udp)://([A-Za-z0-9.-]+|\\[[0-9A-Fa-f:.]+\\]):[0-9]{1,5}/?$", "is not a tcp:// or udp:// address with a host, a port and no path"),
        Matching(UserVolumeName, "a Talos user volume name: a DNS-1123 label of at most 34 characters (Talos labels the partition u-<name>, and a partition label holds 36)",
            "^[a-z0-9]([-a-z0-9]{0,32}[a-z0-9])?$", "is not a valid DNS-1123 label",
            v => v.Length > UserVolumeNameMaxLength ? $"has {v.Length} characters; Talos allows at most {UserVolumeNameMaxLength}" : null),
    }.ToDictionary(f => f.Name, StringComparer.Ordinal);

    public static ValueFormat Get(string name) =>
        s_formats.TryGetValue(name, out var format) ? format : throw new ArgumentException($"Unknown format '{name}'", nameof(name));

    public static IEnumerable<ValueFormat> All => s_formats.Values;

    private static string? CheckDomain(string value)
    {
        if (value.Length is 0 or > 253 || value.EndsWith('.'))
        {
            return "is not a valid domain name";
        }

        var labels = value.Split('.');
        if (labels.Length < 2)
        {
            return "needs at least two labels, such as example.com";
        }

        return labels.All(l => s_dnsLabel.IsMatch(l)) ? null : "has a label that is not a lowercase DNS label";
    }

    internal static bool IsDnsLabel(string value) => s_dnsLabel.IsMatch(value);

    /// <summary>
    /// A format given by a regular expression, which the JSON Schema states as its pattern too, so the editor and the
    /// loader judge by the same text; <paramref name="more"/> is a further check for what a pattern cannot say.
    /// </summary>
    private static ValueFormat Matching(string name, string description, string pattern, string mismatch, Func<string, string?>? more = null)
    {
        var regex = new Lazy<Regex>(() => Pattern(pattern));
        return new(name, description, pattern, v => !regex.Value.IsMatch(v) ? (more?.Invoke(v) ?? mismatch) : more?.Invoke(v));
    }

    private static Regex Pattern(string pattern) => new(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
}
