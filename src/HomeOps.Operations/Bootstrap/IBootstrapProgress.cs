using HomeOps.Core.Diagnostics;

namespace HomeOps.Operations.Bootstrap;

/// <summary>What the engine reports as it goes; the CLI draws it, tests record it.</summary>
public interface IBootstrapProgress
{
    void StepStarted(string step, string description);

    void StepSkipped(string step, string reason);

    void StepFinished(string step, TimeSpan duration);

    void StepFailed(string step, TimeSpan duration, IReadOnlyList<Diagnostic> diagnostics);

    /// <summary>A detail of the running step: a command run, what a wait still waits on.</summary>
    void Detail(string step, string message);
}
