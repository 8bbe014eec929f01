using System.Globalization;
using System.Text.RegularExpressions;

namespace HomeOps.Core.GitOps.Flux;

/// <summary>
/// Durations as Flux reads them, with Go's time.ParseDuration (go/src/time/format.go, func ParseDuration):
/// "10m", "1h30m", "90s", "1.5h", ".5s", "500ms", a sign, and the bare "0" (the only number without a unit).
/// </summary>
public static partial class GoDuration
{
    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        if (string.IsNullOrWhiteSpace(text) || !Whole().IsMatch(text))
        {
            return false;
        }

        var negative = text[0] == '-';
        foreach (Match part in Part().Matches(text))
        {
            var value = double.Parse(part.Groups[1].Value, CultureInfo.InvariantCulture);
            duration += part.Groups[2].Value switch
            {
                "h" => TimeSpan.FromHours(value),
                "m" => TimeSpan.FromMinutes(value),
                "s" => TimeSpan.FromSeconds(value),
                "ms" => TimeSpan.FromMilliseconds(value),
                "us" or "\u00b5s" or "\u03bcs" => TimeSpan.FromMicroseconds(value),
                _ => TimeSpan.FromTicks((long)(value / 100)),
            };
        }

        if (negative)
        {
            duration = -duration;
        }

        return true;
    }

    /// <summary>"1h30m0s" style, as Go prints durations, for messages.</summary>
    public static string Format(TimeSpan duration) =>
        duration.TotalHours >= 1 ? $"{(int)duration.TotalHours}h{duration.Minutes}m{duration.Seconds}s"
        : duration.TotalMinutes >= 1 ? $"{duration.Minutes}m{duration.Seconds}s"
        : $"{duration.TotalSeconds.ToString(CultureInfo.InvariantCulture)}s";

    // [-+]?([0-9]*(\.[0-9]*)?[a-z]+)+ with at least one digit per part, or [-+]?0; µ is U+00B5 or U+03BC.
    [GeneratedRegex(@"^[-+]?(0|(([0-9]+\.?[0-9]*|\.[0-9]+)(ns|us|\u00b5s|\u03bcs|ms|s|m|h))+)\z")]
    private static partial Regex Whole();

    [GeneratedRegex(@"([0-9]+\.?[0-9]*|\.[0-9]+)(ns|us|\u00b5s|\u03bcs|ms|s|m|h)")]
    private static partial Regex Part();
}
