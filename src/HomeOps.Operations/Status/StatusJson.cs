using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using HomeOps.Core.Status;

namespace HomeOps.Operations.Status;

/// <summary>The report as JSON, for scripts and the MCP server: the same sections, findings, items and fields as the text.</summary>
public static class StatusJson
{
    private static readonly JsonSerializerOptions s_indented = new() { WriteIndented = true };

    public static JsonObject ToJson(StatusReport report) => new()
    {
        ["time"] = report.Time.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        ["health"] = report.Health.Word(),
        ["exitCode"] = report.ExitCode,
        ["apiRequests"] = report.ApiRequests,
        ["proxyRequests"] = report.ProxyRequests,
        ["kinds"] = new JsonArray([.. report.KindsRead.Select(k => (JsonNode)k)]),
        ["sections"] = new JsonArray([.. report.Sections.Select(Section)]),
    };

    public static string Format(StatusReport report) => ToJson(report).ToJsonString(s_indented) + "\n";

    public static JsonObject Section(StatusSection section) => new()
    {
        ["id"] = section.Id,
        ["title"] = section.Title,
        ["health"] = section.Health.Word(),
        ["summary"] = section.Summary,
        ["findings"] = new JsonArray([.. section.Findings.Select(Finding)]),
        ["items"] = new JsonArray([.. section.Items.Select(Item)]),
    };

    private static JsonNode Finding(StatusFinding finding)
    {
        var json = new JsonObject { ["health"] = finding.Health.Word(), ["message"] = finding.Message };
        if (finding.Code is not null)
        {
            json["code"] = finding.Code;
        }

        if (finding.Hint is not null)
        {
            json["hint"] = finding.Hint;
        }

        return json;
    }

    private static JsonNode Item(StatusItem item)
    {
        var fields = new JsonObject();
        foreach (var field in item.Fields)
        {
            fields[field.Key] = field.Value;
        }

        return new JsonObject { ["name"] = item.Name, ["health"] = item.Health.Word(), ["detail"] = item.Detail, ["fields"] = fields };
    }
}
