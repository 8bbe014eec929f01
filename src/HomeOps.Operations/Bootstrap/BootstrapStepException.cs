using HomeOps.Core.Diagnostics;

namespace HomeOps.Operations.Bootstrap;

/// <summary>A step failed for reasons the operator can fix; carries the diagnostics to print.</summary>
public sealed class BootstrapStepException(IReadOnlyList<Diagnostic> diagnostics) : Exception(diagnostics[0].Message)
{
    public BootstrapStepException(Diagnostic diagnostic)
        : this([diagnostic])
    {
    }

    public IReadOnlyList<Diagnostic> Diagnostics { get; } = diagnostics;
}
