using HomeOps.Core.Diagnostics;
using HomeOps.Core.Diagnostics.Output;

namespace HomeOps.Operations.GitOps;

/// <summary>
/// What `validate --changed-only` shows: the diagnostics about the change (<see cref="Diagnostics"/>) out of a whole
/// validation (<see cref="Validation"/>, null when nothing was validated), and what it left out.
/// </summary>
public sealed record ChangedValidateResult(IReadOnlyList<Diagnostic> Diagnostics, IReadOnlyList<Diagnostic> Hidden, ValidateResult? Validation)
{
    /// <summary>The revision compared with, as "REF (commit)", or as given when git does not know it.</summary>
    public required string BaseLabel { get; init; }

    public int ChangedFiles { get; init; }

    public int ChangedKustomizations { get; init; }

    public int Kustomizations { get; init; }

    /// <summary>Why every diagnostic is shown (a file every result depends on changed, or the tree was not built), if so.</summary>
    public string? ShownAll { get; init; }

    public string Summary()
    {
        if (Validation is null)
        {
            return ChangedFiles == 0 && Diagnostics.Count == 0
                ? $"no file differs from {BaseLabel}; nothing to validate"
                : $"the changed files are not known, nothing validated; {TextDiagnosticWriter.Summary([.. Diagnostics])}";
        }

        var scope = $"{ChangedFiles} file(s) differ from {BaseLabel}, read by {ChangedKustomizations} of {Kustomizations} Kustomization(s)";
        var shown = ShownAll is null ? "shown" : $"shown ({ShownAll}: every diagnostic)";
        var hidden = Hidden.Count == 0
            ? "no diagnostic elsewhere"
            : $"{Hidden.Count} diagnostic(s) elsewhere not shown ({TextDiagnosticWriter.Summary([.. Hidden])}; `homeops validate` without --changed-only shows them)";
        return $"{scope}; {Validation.Summary()}; {TextDiagnosticWriter.Summary([.. Diagnostics])} {shown}; {hidden}";
    }
}
