using System.Globalization;
using System.Text.Json.Nodes;
using HomeOps.Core.Diagnostics;
using static HomeOps.Core.Status.ObjectFields;

namespace HomeOps.Core.Status;

/// <summary>
/// The External Secrets section: every ExternalSecret's Ready condition, whose reason is SecretSynced when the Secret
/// was written from 1Password and SecretSyncedError when it was not. ExternalSecrets that fail for the same reason
/// (the store is down, say) are one line, not one per object.
/// </summary>
public static class ExternalSecretStatus
{
    public const string Id = "externalsecrets";
    public const string Title = "External Secrets";
    public const string Synced = "SecretSynced";

    public static StatusSection Evaluate(IReadOnlyList<JsonObject> externalSecrets, DateTimeOffset now)
    {
        var items = new List<StatusItem>();
        var failing = new List<(string Key, string Why)>();
        foreach (var es in externalSecrets.OrderBy(KeyOf, StringComparer.Ordinal))
        {
            var key = KeyOf(es);
            var ready = ConditionOf(es, "Ready");
            var synced = ready is { IsTrue: true };
            var refreshed = Time(es, "status", "refreshTime");
            var store = $"{Str(es, "spec", "secretStoreRef", "kind") ?? "SecretStore"} {Str(es, "spec", "secretStoreRef", "name") ?? "?"}";
            var target = Str(es, "spec", "target", "name") ?? NameOf(es);
            string detail;
            if (synced)
            {
                detail = refreshed is { } r ? $"{ready!.Reason}, refreshed {Durations.Format(now - r)} ago, Secret {target}" : $"{ready!.Reason}, Secret {target}";
            }
            else
            {
                var why = ready is null ? "no Ready condition yet" : $"{ready.Reason}: {ready.Message}";
                failing.Add((key, why));
                detail = $"not synced: {why}";
            }

            items.Add(new StatusItem($"es/{key}", synced ? Health.Ok : Health.Unhealthy, detail)
            {
                Fields = [new("ready", ready?.Status ?? "Unknown"), new("reason", ready?.Reason ?? string.Empty), new("store", store), new("secret", target)],
            });
        }

        var findings = failing.GroupBy(f => f.Why, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => StatusFindings.From(DiagnosticCatalog.ExternalSecretNotSynced, Health.Unhealthy, g.Count(), g.Key, string.Join(", ", g.Select(f => f.Key))))
            .ToList();
        var summary = string.Create(CultureInfo.InvariantCulture, $"{items.Count - failing.Count}/{items.Count} ExternalSecret(s) synced");
        return StatusSection.Of(Id, Title, summary, findings, items);
    }
}
