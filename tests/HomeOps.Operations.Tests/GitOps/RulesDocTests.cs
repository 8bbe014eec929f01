using HomeOps.Core.Diagnostics;
using HomeOps.Core.GitOps.Rules;
using HomeOps.Testing;

namespace HomeOps.Operations.Tests.GitOps;

public sealed class RulesDocTests
{
    [Fact]
    public void RulesDoc_ListsEveryGitOpsAndGraphRuleWithAnExampleAndAFix()
    {
        var doc = File.ReadAllText(RepositoryPaths.Combine("docs", "rules.md"));
        foreach (var d in DiagnosticCatalog.All.Where(d => d.Area is DiagnosticArea.GitOps or DiagnosticArea.Graph))
        {
            var heading = $"### {d.Code} {d.Name}\n";
            doc.ShouldContain(heading, customMessage: $"docs/rules.md has no section for {d.Code} {d.Name}");
            var section = doc[doc.IndexOf(heading, StringComparison.Ordinal)..];
            var end = section.IndexOf("\n### ", heading.Length, StringComparison.Ordinal);
            section = end < 0 ? section : section[..end];
            section.ShouldContain("```yaml");
            section.ShouldContain("**Fix:**");
        }
    }

    [Fact]
    public void Rules_EveryRuleDescriptorIsAGitOpsOrGraphDiagnostic() =>
        GitOpsRules.All.SelectMany(r => r.Descriptors).ShouldAllBe(d => d.Area == DiagnosticArea.GitOps || d.Area == DiagnosticArea.Graph);
}
