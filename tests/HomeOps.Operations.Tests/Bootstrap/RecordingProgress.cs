using System.Collections.Concurrent;
using HomeOps.Core.Diagnostics;
using HomeOps.Operations.Bootstrap;

namespace HomeOps.Operations.Tests.Bootstrap;

/// <summary>Records progress events as lines; <see cref="OnStepStarted"/> lets a test act when a step begins.</summary>
internal sealed class RecordingProgress : IBootstrapProgress
{
    public ConcurrentQueue<string> Lines { get; } = new();

    public Action<string>? OnStepStarted { get; set; }

    public void StepStarted(string step, string description)
    {
        Lines.Enqueue($"start {step}");
        OnStepStarted?.Invoke(step);
    }

    public void StepSkipped(string step, string reason) => Lines.Enqueue($"skip {step}: {reason}");

    public void StepFinished(string step, TimeSpan duration) => Lines.Enqueue($"done {step}");

    public void StepFailed(string step, TimeSpan duration, IReadOnlyList<Diagnostic> diagnostics) =>
        Lines.Enqueue($"fail {step}: {string.Join("; ", diagnostics.Select(d => d.Code + " " + d.Message))}");

    public void Detail(string step, string message) => Lines.Enqueue($"  {step}: {message}");
}
