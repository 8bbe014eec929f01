namespace HomeOps.Operations.Bootstrap;

/// <summary>One step's last outcome in the state file.</summary>
public sealed class StepRecord
{
    public StepStatus Status { get; set; }

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    public double? Seconds { get; set; }

    /// <summary>Diagnostic code and message of the last failure.</summary>
    public string? Error { get; set; }

    /// <summary>How many times the step's action ran (a probe that found it done does not count).</summary>
    public int Runs { get; set; }
}
