using System.Text.RegularExpressions;
using HomeOps.Core.Diagnostics;
using HomeOps.Core.GitOps.Build;

namespace HomeOps.Core.GitOps.Rules;

/// <summary>
/// HO3243: a value a template left for the user to fill in, in a YAML file of the tree's folders: a placeholder word
/// (REPLACE_WITH_..., PLACEHOLDER, CHANGE_ME, REPLACE_ME) in a value, or a value whose own comment asks for the user's
/// value ("# Update with your UDM IP"). Comment lines are documentation and are not read.
/// HO3246: with a cluster.yaml, a private IPv4 address (or narrow block) in a value that lies in none of the cluster's
/// networks: an address copied from another home network, the same mistake without a comment to point at it.
/// </summary>
public sealed partial class PlaceholderRule : IGitOpsRule
{
    public IReadOnlyList<DiagnosticDescriptor> Descriptors => [DiagnosticCatalog.PlaceholderLeft, DiagnosticCatalog.AddressOutsideClusterNetworks];

    public IEnumerable<Diagnostic> Check(RuleContext context)
    {
        var roots = TreeFolders.Of(context);
        var networks = context.Cluster is { } cluster ? ClusterNetworks.Of(cluster, context) : null;
        // What a file is judged by: its content and, for HO3246, the cluster's networks.
        var check = networks is null ? "placeholders" : $"placeholders {Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(networks.Identity)))[..16]}";
        foreach (var file in context.TrackedFiles)
        {
            if (!RepoPath.IsYaml(file) || !roots.Any(r => RepoPath.IsUnder(file, r)) || context.CleanFiles.WasClean(check, file)
                || context.Tree.Ignore.IsIgnored(file) || context.Tree.Sources.Tree.ReadText(file) is not { } text)
            {
                continue;
            }

            var found = Scan(file, text, networks).ToList();
            if (found.Count == 0)
            {
                context.CleanFiles.MarkClean(check, file);
            }

            foreach (var diagnostic in found)
            {
                yield return diagnostic;
            }
        }
    }

    private static IEnumerable<Diagnostic> Scan(string file, string text, ClusterNetworks? networks)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            var comment = CommentStart(line);
            var value = comment < 0 ? line : line[..comment];
            if (value.Trim().Length == 0)
            {
                continue;
            }

            if (Placeholders.Find(value) is { } word)
            {
                yield return DiagnosticCatalog.PlaceholderLeft.At(SourceSpan.At(file, i + 1, value.IndexOf(word, StringComparison.Ordinal) + 1), file, i + 1, $"'{word}'");
            }
            else if (comment >= 0 && AsksForYourValue().IsMatch(line[comment..]))
            {
                yield return DiagnosticCatalog.PlaceholderLeft.At(SourceSpan.At(file, i + 1, comment + 1), file, i + 1, $"the comment '{line[comment..].Trim()}'");
            }
            else if (networks is not null && ForeignAddress(value, networks) is { } address)
            {
                yield return DiagnosticCatalog.AddressOutsideClusterNetworks.At(SourceSpan.At(file, i + 1, address.Index + 1), address.Value);
            }
        }
    }

    /// <summary>Where a YAML comment starts: a '#' at the line start or after a blank, outside quotes (-1 when none).</summary>
    private static int CommentStart(string line)
    {
        var quote = '\0';
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quote != '\0')
            {
                quote = c == quote ? '\0' : quote;
            }
            else if (c is '"' or '\'' && (i == 0 || line[i - 1] is ' ' or ':' or '[' or '{' or ',' or '-'))
            {
                quote = c;
            }
            else if (c == '#' && (i == 0 || line[i - 1] is ' ' or '\t'))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// The first private IPv4 address, or block narrower than /17, in <paramref name="value"/>
    /// that lies in no network of the cluster. Wide blocks (/16 and wider) are policy ("allow every private network"),
    /// not an address of somebody's network, and are not judged.
    /// </summary>
    private static Match? ForeignAddress(string value, ClusterNetworks networks)
    {
        foreach (Match m in Ipv4().Matches(value))
        {
            var prefix = m.Groups["prefix"].Success ? int.Parse(m.Groups["prefix"].Value, System.Globalization.CultureInfo.InvariantCulture) : 32;
            if (prefix is < 17 or > 32 || !System.Net.IPAddress.TryParse(m.Groups["address"].Value, out var address)
                || !ClusterNetworks.IsPrivate(address))
            {
                continue;
            }

            if (!networks.Covers(new Networking.IpNetwork(address, prefix)))
            {
                return m;
            }
        }

        return null;
    }

    [GeneratedRegex(@"(?<![\d.])(?<address>(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d))(?:/(?<prefix>\d{1,2}))?(?!\d|\.\d)")]
    private static partial Regex Ipv4();

    [GeneratedRegex(@"^#\s*(update|replace|change|set|fill in|put|insert|enter)\b.*\byour\b", RegexOptions.IgnoreCase)]
    private static partial Regex AsksForYourValue();
}
