using System.Text.Json;
using System.Text.Json.Nodes;
using HomeOps.Core.Status;

namespace HomeOps.Operations.Status;

/// <summary>One line for what came back through the API server's proxy when it was not the backend's answer.</summary>
internal static class ProxyAnswer
{
    /// <summary>The API server's Status message ("no endpoints available for service ..."), else the first line.</summary>
    public static string Shorten(string text)
    {
        try
        {
            if (JsonNode.Parse(text) is JsonObject status && ObjectFields.Str(status, "kind") == "Status" && ObjectFields.Str(status, "message") is { } message)
            {
                return message;
            }
        }
        catch (JsonException)
        {
            // Not a Status: the backend's own answer.
        }

        var line = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? string.Empty;
        return line.Length <= 160 ? line : line[..160] + "...";
    }
}
