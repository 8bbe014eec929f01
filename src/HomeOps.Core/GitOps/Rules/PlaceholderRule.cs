using System.Text.RegularExpressions;
using HomeOps.Core.Diagnostics;
using HomeOps.Core.GitOps.Build;

namespace HomeOps.Core.GitOps.Rules;

/// <summary>
/// HO3243: a value a template left for the user to fill in, in a YAML file of the tree's folders: a placeholder word
/// (REPLACE_WITH_..., PLACEHOLDER, CHANGE_ME, REPLACE_ME) in a value, or a value whose own comment asks for the user's
/// value ("# Update with your UDM IP"). Comment lines are documentation and are not read.
/// </summary>
public sealed partial class PlaceholderRule : IGitOpsRule
{
    public IReadOnlyList<DiagnosticDescriptor> Descriptors => [DiagnosticCatalog.PlaceholderLeft];

    public IEnumerable<Diagnostic> Check(RuleContext context)
    {
        var roots = TreeFolders.Of(context);
        foreach (var file in context.TrackedFiles)
        {
            if (!RepoPath.IsYaml(file) || !roots.Any(r => RepoPath.IsUnder(file, r)) || context.Tree.Ignore.IsIgnored(file)
                || context.Tree.Sources.Tree.ReadText(file) is not { } text)
            {
                continue;
            }

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

    [GeneratedRegex(@"^#\s*(update|replace|change|set|fill in|put|insert|enter)\b.*\byour\b", RegexOptions.IgnoreCase)]
    private static partial Regex AsksForYourValue();
}
