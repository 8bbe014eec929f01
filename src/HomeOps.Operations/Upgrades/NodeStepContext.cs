using System.Globalization;
using HomeOps.Core.Diagnostics;
using HomeOps.Runtime.Kubernetes;

namespace HomeOps.Operations.Upgrades;

/// <summary>
/// What the node-side steps of an upgrade (<see cref="NodeDrain"/>, <see cref="CnpgSwitchover"/>) need: the API, the
/// clock, where their diagnostics point (cluster.yaml, usually) and a line-per-event log. Waits poll from
/// <see cref="PollDelay"/>, doubling up to <see cref="MaxPollDelay"/>.
/// </summary>
public sealed record NodeStepContext(IKubeApi Kube, TimeProvider Time, SourceSpan Location, Action<string> Log)
{
    public TimeSpan PollDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan MaxPollDelay { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>"90 s", "10 min": a timeout as messages print it.</summary>
    internal static string Describe(TimeSpan timeout) => timeout.TotalSeconds < 120
        ? timeout.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture) + " s"
        : timeout.TotalMinutes.ToString("0.#", CultureInfo.InvariantCulture) + " min";

    internal TimeSpan NextDelay(TimeSpan delay) => TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxPollDelay.Ticks));

    /// <summary>Waits <paramref name="delay"/>, but never past <paramref name="deadline"/>.</summary>
    internal Task DelayAsync(TimeSpan delay, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        var left = deadline - Time.GetUtcNow();
        var wait = left < delay ? left : delay;
        return wait <= TimeSpan.Zero ? Task.CompletedTask : Task.Delay(wait, Time, cancellationToken);
    }
}
