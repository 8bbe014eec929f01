using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using HomeOps.Core.Status;

namespace HomeOps.Operations.Doctor;

/// <summary>The doctor report for people (one line per check, its findings and fixes, then what to do next) and as JSON.</summary>
public static class DoctorOutput
{
    private static readonly JsonSerializerOptions s_indented = new() { WriteIndented = true };

    public static string Text(DoctorReport report)
    {
        var text = new StringBuilder();
        var width = report.Results.Count == 0 ? 0 : report.Results.Max(r => r.Id.Length);
        foreach (var result in report.Results)
        {
            text.Append(CultureInfo.InvariantCulture, $"{result.Health.Mark()}  {result.Id.PadRight(width)}  {result.Title}: {result.Detail}\n");
            foreach (var finding in result.Findings.Where(f => f.Message != result.Detail))
            {
                var code = finding.Code is null ? string.Empty : $" ({finding.Code})";
                text.Append(CultureInfo.InvariantCulture, $"    {finding.Health.Mark()}  {finding.Message}{code}\n");
            }

            if (result.Findings.Count == 1 && result.Findings[0].Message == result.Detail && result.Findings[0].Code is { } only)
            {
                text.Length--;
                text.Append(CultureInfo.InvariantCulture, $" ({only})\n");
            }
        }

        text.Append('\n');
        var next = report.NextSteps;
        if (next.Count == 0)
        {
            text.Append("Next: nothing to do; every check passed.\n");
        }
        else
        {
            text.Append("Next:\n");
            for (var i = 0; i < next.Count; i++)
            {
                text.Append(CultureInfo.InvariantCulture, $"  {i + 1}. {next[i]}\n");
            }
        }

        var counts = report.Results.GroupBy(r => r.Health).OrderByDescending(g => g.Key).Select(g => $"{g.Count()} {g.Key.Word()}");
        text.Append(CultureInfo.InvariantCulture, $"doctor: {report.Results.Count} check(s): {string.Join(", ", counts)}\n");
        return text.ToString();
    }

    public static string Json(DoctorReport report)
    {
        var json = new JsonObject
        {
            ["time"] = report.Time.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["health"] = report.Health.Word(),
            ["exitCode"] = report.ExitCode,
            ["checks"] = new JsonArray([.. report.Results.Select(r => (JsonNode)new JsonObject
            {
                ["id"] = r.Id,
                ["title"] = r.Title,
                ["health"] = r.Health.Word(),
                ["detail"] = r.Detail,
                ["findings"] = new JsonArray([.. r.Findings.Select(f => (JsonNode)new JsonObject { ["health"] = f.Health.Word(), ["message"] = f.Message, ["code"] = f.Code, ["hint"] = f.Hint })]),
            })]),
            ["next"] = new JsonArray([.. report.NextSteps.Select(s => (JsonNode)s)]),
        };
        return json.ToJsonString(s_indented) + "\n";
    }
}
