using HomeOps.Core.Diagnostics;

namespace HomeOps.Core.GitOps.Rules;

/// <summary>One check over the built tree. Rules only read the <see cref="RuleContext"/> and return diagnostics.</summary>
public interface IGitOpsRule
{
    /// <summary>The diagnostics this rule can report.</summary>
    IReadOnlyList<DiagnosticDescriptor> Descriptors { get; }

    IEnumerable<Diagnostic> Check(RuleContext context);
}
