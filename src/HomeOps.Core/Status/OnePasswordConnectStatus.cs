using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using HomeOps.Core.Diagnostics;
using static HomeOps.Core.Status.ObjectFields;

namespace HomeOps.Core.Status;

/// <summary>
/// The 1Password Connect section: GET /health of the Connect API (the chart's Service onepassword-connect, port
/// connect-api), which answers {"name", "version", "dependencies": [{"service", "status", "message"}]}; every
/// dependency (sync, sqlite) must be ACTIVE. The sync dependency says TOKEN_NEEDED until Connect holds usable
/// credentials, which is what breaks every ExternalSecret at once.
/// </summary>
public static class OnePasswordConnectStatus
{
    public const string Id = "onepassword";
    public const string Title = "1Password Connect";
    public const string Namespace = "onepassword-connect";
    public const string ServiceName = "onepassword-connect";
    public const string PortName = "connect-api";
    public const int DefaultPort = 8080;
    public const string Active = "ACTIVE";

    /// <summary>The API port of Connect's Service (the port named connect-api, else 8080), or null without the Service.</summary>
    public static int? ApiPort(IReadOnlyList<JsonObject> services)
    {
        var service = services.FirstOrDefault(s => NameOf(s) == ServiceName && NamespaceOf(s) == Namespace);
        if (service is null)
        {
            return null;
        }

        var ports = Objects(service, "spec", "ports");
        return (int?)(ports.FirstOrDefault(p => Str(p, "name") == PortName) is { } named ? Number(named, "port") : null) ?? DefaultPort;
    }

    public static StatusSection NotInstalled() =>
        StatusSection.CouldNotAsk(Id, Title, StatusFindings.From(DiagnosticCatalog.OnePasswordConnectMissing, Health.Absent, $"{Namespace}/{ServiceName}"));

    public static StatusSection Unreachable(string endpoint, string why) =>
        StatusSection.CouldNotAsk(Id, Title, StatusFindings.From(DiagnosticCatalog.ServiceProbeFailed, Health.Unknown, endpoint, why));

    /// <summary>The section from the body GET /health answered with 200.</summary>
    public static StatusSection Evaluate(string endpoint, string body)
    {
        JsonObject? health;
        try
        {
            health = JsonNode.Parse(body) as JsonObject;
        }
        catch (JsonException)
        {
            health = null;
        }

        if (health is null)
        {
            return Unreachable(endpoint, $"GET /health answered with something that is not Connect's health JSON: {Shorten(body)}");
        }

        var version = Str(health, "version") ?? "?";
        var items = new List<StatusItem>();
        var bad = new List<string>();
        foreach (var dependency in Objects(health, "dependencies"))
        {
            var service = Str(dependency, "service") ?? "?";
            var status = Str(dependency, "status") ?? "?";
            var message = Str(dependency, "message");
            var ok = status == Active;
            if (!ok)
            {
                bad.Add(message is { Length: > 0 } ? $"{service} {status} ({message})" : $"{service} {status}");
            }

            items.Add(new StatusItem($"dependency/{service}", ok ? Health.Ok : Health.Unhealthy, message is { Length: > 0 } ? $"{status}: {message}" : status)
            {
                Fields = [new("service", service), new("status", status)],
            });
        }

        var findings = bad.Count == 0 ? new List<StatusFinding>()
            : [StatusFindings.From(DiagnosticCatalog.OnePasswordConnectUnhealthy, Health.Unhealthy, version, string.Join(", ", bad))];
        var summary = string.Create(CultureInfo.InvariantCulture, $"{Str(health, "name") ?? "Connect"} {version} at {endpoint}; {items.Count - bad.Count}/{items.Count} dependencies active");
        return StatusSection.Of(Id, Title, summary, findings, items);
    }

    private static string Shorten(string text) => text.Length <= 80 ? text.Trim() : text[..80].Trim() + "...";
}
