namespace HomeOps.Core.Status;

/// <summary>Durations as people read them in status lines: "45s", "12m", "3h20m", "14d".</summary>
public static class Durations
{
    public static string Format(TimeSpan span)
    {
        var sign = span < TimeSpan.Zero ? "-" : string.Empty;
        span = span.Duration();
        var text = span.TotalSeconds < 60 ? $"{(int)span.TotalSeconds}s"
            : span.TotalMinutes < 60 ? $"{(int)span.TotalMinutes}m"
            : span.TotalHours < 24 ? span.Minutes == 0 ? $"{(int)span.TotalHours}h" : $"{(int)span.TotalHours}h{span.Minutes}m"
            : $"{(int)span.TotalDays}d";
        return sign + text;
    }
}
