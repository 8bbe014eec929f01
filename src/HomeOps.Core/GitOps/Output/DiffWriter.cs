using System.Text;

namespace HomeOps.Core.GitOps.Output;

/// <summary>
/// Prints a tree diff grouped by Kustomization and HelmRelease, with a summary line, as plain text or as Markdown
/// for a pull-request comment, cut at a byte limit (GitHub comments hold about 65 KB).
/// </summary>
public static class DiffWriter
{
    public static string Write(IReadOnlyList<ObjectChange> changes, string baseLabel, string headLabel, bool markdown, int? limitBytes)
    {
        var summary = Summary(changes);
        var sb = new StringBuilder();
        if (markdown)
        {
            sb.Append("### homeops diff `").Append(baseLabel).Append("` → `").Append(headLabel).Append("`\n\n").Append(summary).Append("\n\n");
        }
        else
        {
            sb.Append("diff ").Append(baseLabel).Append(" → ").Append(headLabel).Append(": ").Append(summary).Append('\n');
        }

        var truncated = 0;
        foreach (var group in changes.GroupBy(c => c.Group))
        {
            var block = new StringBuilder();
            if (markdown)
            {
                block.Append("<details><summary>").Append(group.Key).Append(" (").Append(group.Count()).Append(" change(s))</summary>\n\n```diff\n");
            }
            else
            {
                block.Append("\n=== ").Append(group.Key).Append('\n');
            }

            foreach (var c in group)
            {
                var verb = c.Kind switch { '+' => "added", '-' => "removed", _ => "changed" };
                block.Append(markdown ? "# " : "--- ").Append(c.Object).Append(" (").Append(verb).Append(")\n").Append(c.Diff);
            }

            if (markdown)
            {
                block.Append("```\n\n</details>\n");
            }

            if (limitBytes is { } limit && Encoding.UTF8.GetByteCount(sb.ToString()) + Encoding.UTF8.GetByteCount(block.ToString()) > limit - 200)
            {
                truncated += group.Count();
                continue;
            }

            sb.Append(block);
        }

        if (truncated > 0)
        {
            sb.Append(markdown ? "\n> " : "\n").Append("Output cut at ").Append(limitBytes).Append(" bytes: ")
              .Append(truncated).Append(" more change(s) not shown; run `homeops diff` locally for all of them.\n");
        }

        return sb.ToString();
    }

    public static string Summary(IReadOnlyList<ObjectChange> changes)
    {
        if (changes.Count == 0)
        {
            return "no changes";
        }

        var groups = changes.Select(c => c.Group).Distinct(StringComparer.Ordinal).Count();
        return $"{changes.Count(c => c.Kind == '+')} added, {changes.Count(c => c.Kind == '~')} changed, {changes.Count(c => c.Kind == '-')} removed object(s) in {groups} Kustomization(s)/HelmRelease(s)";
    }
}
