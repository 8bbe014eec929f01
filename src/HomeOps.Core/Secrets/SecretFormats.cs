using System.Text.RegularExpressions;

namespace HomeOps.Core.Secrets;

/// <summary>
/// The secrets HomeOps recognises by their text alone: PEM private keys and the well-known token formats (GitHub,
/// AWS, Slack, JWTs such as 1Password Connect tokens, 1Password service-account tokens, age keys). The repository's
/// secret scan (HO3207, HO3209) reports them; <see cref="SecretMasker"/> masks them in every MCP tool result. Each
/// token format has markers, substrings every match contains, so a text without them costs no regex.
/// </summary>
public static partial class SecretFormats
{
    private static readonly TokenFormat[] s_tokens =
    [
        new("GitHub token", @"\b(gh[pousr]_[A-Za-z0-9]{36}|github_pat_[A-Za-z0-9_]{60,})\b", ["ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_"]),
        new("AWS access key id", @"\b(AKIA|ASIA)[0-9A-Z]{16}\b", ["AKIA", "ASIA"]),
        new("Slack token", @"\bxox[baprs]-[0-9A-Za-z-]{10,}", ["xox"]),
        new("JSON Web Token (1Password Connect tokens are JWTs)", @"\beyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}", ["eyJ"]),
        new("age secret key", @"\bAGE-SECRET-KEY-1[0-9A-Z]{58}\b", ["AGE-SECRET-KEY-"]),

        // op's service-account tokens: "ops_" and a base64url JSON blob (1Password's documented prefix).
        new("1Password service account token", @"\bops_[A-Za-z0-9_-]{40,}", ["ops_"]),
    ];

    /// <summary>Every token of a well-known format in <paramref name="text"/>, with the format's name.</summary>
    public static IEnumerable<(string Name, Match Match)> TokenMatches(string text)
    {
        foreach (var format in s_tokens)
        {
            if (!format.Markers.Any(m => text.Contains(m, StringComparison.Ordinal)))
            {
                continue;
            }

            foreach (Match m in format.Pattern.Matches(text))
            {
                yield return (format.Name, m);
            }
        }
    }

    /// <summary>The first line of every PEM private key in <paramref name="text"/> (RSA, EC, ED25519, OPENSSH, PGP, ...).</summary>
    public static IEnumerable<Match> PrivateKeyHeaders(string text) =>
        text.Contains("PRIVATE KEY", StringComparison.Ordinal) ? PrivateKeyHeader().Matches(text) : [];

    /// <summary><paramref name="text"/> with every PEM private key, from its BEGIN line to its END line (or the end of the text), replaced by <paramref name="mask"/>.</summary>
    public static string ReplacePrivateKeys(string text, string mask) =>
        text.Contains("PRIVATE KEY", StringComparison.Ordinal) ? PrivateKeyBlock().Replace(text, mask) : text;

    [GeneratedRegex(@"-----BEGIN ([A-Z0-9]+ )*PRIVATE KEY( BLOCK)?-----")]
    private static partial Regex PrivateKeyHeader();

    [GeneratedRegex(@"-----BEGIN ([A-Z0-9]+ )*PRIVATE KEY( BLOCK)?-----[\s\S]*?(-----END ([A-Z0-9]+ )*PRIVATE KEY( BLOCK)?-----|\z)")]
    private static partial Regex PrivateKeyBlock();

    private sealed class TokenFormat(string name, string pattern, string[] markers)
    {
        public string Name { get; } = name;

        public string[] Markers { get; } = markers;

        public Regex Pattern { get; } = new(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(5));
    }
}
