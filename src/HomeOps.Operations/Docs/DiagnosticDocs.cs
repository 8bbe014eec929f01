using HomeOps.Core.Diagnostics;
using HomeOps.Core.Diagnostics.Output;
using HomeOps.Core.Text;

namespace HomeOps.Operations.Docs;

/// <summary>
/// Everything the documentation says about one diagnostic code: its catalogue entry (as docs/diagnostics.md prints
/// it) and, for a rule of `homeops validate`, its section of docs/rules.md with the example and the fix.
/// </summary>
public static class DiagnosticDocs
{
    public const string RulesFile = "docs/rules.md";

    /// <summary>The text for <paramref name="code"/> (a code such as HO3001 or a name such as kustomize-build-failed).</summary>
    public static DiagnosticDocsResult Describe(Workspace workspace, string code)
    {
        if (DiagnosticCatalog.Find(code.Trim()) is not { } descriptor)
        {
            var candidates = DiagnosticCatalog.All.Select(d => d.Code).Concat(DiagnosticCatalog.All.Select(d => d.Name));
            return new DiagnosticDocsResult(null, Suggestions.Closest(code.Trim().ToUpperInvariant(), candidates) ?? Suggestions.Closest(code.Trim(), candidates));
        }

        var text = DiagnosticDocsWriter.Entry(descriptor);
        var rules = workspace.PathOf(RulesFile);
        if (workspace.Files.FileExists(rules) && RuleSection(workspace.Files.ReadAllText(rules), descriptor.Code) is { } section)
        {
            text += $"\nFrom {RulesFile}:\n\n{section}";
        }

        return new DiagnosticDocsResult(text, null);
    }

    /// <summary>The "### HO3001 name" section of docs/rules.md, up to the next heading of the same or a higher level.</summary>
    internal static string? RuleSection(string markdown, string code)
    {
        var lines = markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var start = Array.FindIndex(lines, l => l.StartsWith($"### {code} ", StringComparison.Ordinal) || l == $"### {code}");
        if (start < 0)
        {
            return null;
        }

        var end = start + 1;
        var inFence = false;
        for (; end < lines.Length; end++)
        {
            inFence ^= lines[end].StartsWith("```", StringComparison.Ordinal);
            if (!inFence && (lines[end].StartsWith("## ", StringComparison.Ordinal) || lines[end].StartsWith("### ", StringComparison.Ordinal)))
            {
                break;
            }
        }

        return string.Join('\n', lines[start..end]).TrimEnd() + "\n";
    }
}

/// <summary>The documentation of a code, or the closest known code when there is no such code.</summary>
public sealed record DiagnosticDocsResult(string? Text, string? Suggestion);
