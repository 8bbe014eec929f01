using System.Text;

namespace HomeOps.Core.Diagnostics.Output;

/// <summary>Writes docs/diagnostics.md from the catalogue, so the documentation can never miss a code.</summary>
public static class DiagnosticDocsWriter
{
    private static readonly Dictionary<DiagnosticArea, string> s_areaTitles = new()
    {
        [DiagnosticArea.Input] = "HO0xxx: reading files",
        [DiagnosticArea.ClusterConfig] = "HO1xxx: cluster.yaml",
        [DiagnosticArea.Talos] = "HO2xxx: Talos configs and secrets",
        [DiagnosticArea.GitOps] = "HO3xxx: the GitOps tree",
        [DiagnosticArea.Graph] = "HO4xxx: the dependency graph",
        [DiagnosticArea.Bootstrap] = "HO5xxx: bootstrap, resets and node rollouts",
        [DiagnosticArea.LiveCluster] = "HO6xxx: status and doctor (the running cluster)",
        [DiagnosticArea.Recovery] = "HO7xxx: backup and recovery",
        [DiagnosticArea.Assistant] = "HO8xxx: the MCP server",
        [DiagnosticArea.Upgrade] = "HO9xxx: upgrades",
    };

    public static string Write(IReadOnlyList<DiagnosticDescriptor> descriptors)
    {
        var sb = new StringBuilder();
        sb.Append("# Diagnostics\n\n");
        sb.Append("Every problem HomeOps reports has a stable code. Codes are never reused: a retired code stays retired.\n");
        sb.Append("Output looks like `cluster.yaml:12:7: error HO1103: ...` followed by a hint; `--format json`, `--format sarif`\n");
        sb.Append("and `--format github` print the same for machines. Exit codes: 0 clean (warnings allowed), 1 errors found,\n");
        sb.Append("2 usage or environment error.\n\n");
        sb.Append("<!-- Generated from src/HomeOps.Core/Diagnostics/Catalog/DiagnosticCatalog.HO*.cs by `homeops docs diagnostics`; a test keeps it in sync. -->\n\n");
        foreach (var group in descriptors.GroupBy(d => d.Area).OrderBy(g => g.Key))
        {
            sb.Append("## ").Append(s_areaTitles[group.Key]).Append("\n\n");
            foreach (var d in group.OrderBy(d => d.Code, StringComparer.Ordinal))
            {
                sb.Append(Entry(d)).Append('\n');
            }
        }

        return sb.ToString().TrimEnd() + "\n";
    }

    /// <summary>One code's section of docs/diagnostics.md (also what `homeops mcp`'s diagnostic_docs tool answers).</summary>
    public static string Entry(DiagnosticDescriptor d)
    {
        var sb = new StringBuilder();
        sb.Append("### ").Append(d.Code).Append("\n\n");
        sb.Append("**").Append(d.Title).Append("** (`").Append(d.Name).Append("`, default severity ")
          .Append(TextDiagnosticWriter.SeverityWord(d.DefaultSeverity)).Append(")\n\n");
        sb.Append("- Message: ").Append(Placeholders(d.MessageFormat)).Append('\n');
        sb.Append("- Fix: ").Append(Placeholders(d.HintFormat)).Append('\n');
        return sb.ToString();
    }

    /// <summary>Shows {0}-style placeholders as &lt;…&gt; so the template reads as prose.</summary>
    private static string Placeholders(string template)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < template.Length; i++)
        {
            if (template[i] == '{' && i + 2 < template.Length && char.IsAsciiDigit(template[i + 1]) && template[i + 2] == '}')
            {
                sb.Append("&lt;…&gt;");
                i += 2;
            }
            else
            {
                sb.Append(template[i]);
            }
        }

        return sb.ToString();
    }
}
