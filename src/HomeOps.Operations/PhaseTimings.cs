using System.Globalization;

namespace HomeOps.Operations;

/// <summary>
/// Where a command's time went, phase by phase (`validate --timings`): each <see cref="Mark"/> closes the phase
/// that began at the previous mark. Phases run one after another; what runs in parallel inside one is its own note.
/// </summary>
public sealed class PhaseTimings(TimeProvider time)
{
    private readonly List<(string Phase, TimeSpan Elapsed, string? Note)> _phases = [];
    private long _mark = time.GetTimestamp();

    public IReadOnlyList<(string Phase, TimeSpan Elapsed, string? Note)> Phases => _phases;

    /// <summary>Closes the current phase under <paramref name="phase"/> and starts the next one.</summary>
    public void Mark(string phase, string? note = null)
    {
        var now = time.GetTimestamp();
        _phases.Add((phase, time.GetElapsedTime(_mark, now), note));
        _mark = now;
    }

    /// <summary>One line per phase, milliseconds right-aligned, then the total.</summary>
    public IEnumerable<string> Lines()
    {
        foreach (var (phase, elapsed, note) in _phases)
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"{elapsed.TotalMilliseconds,8:0.0} ms  {phase}{(note is null ? string.Empty : $" ({note})")}");
        }

        yield return string.Create(CultureInfo.InvariantCulture, $"{_phases.Sum(p => p.Elapsed.TotalMilliseconds),8:0.0} ms  total");
    }
}
