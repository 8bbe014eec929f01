using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace HomeOps.Operations.Recovery.HelmReleases;

/// <summary>One revision as `helm history -o json` prints it.</summary>
public sealed record ReleaseRevision(int Number, string Status, string Chart, string Description);

/// <summary>
/// What a stuck release needs before helm-controller can act on it again, decided from its history: nothing when the
/// last revision is deployed (or there is no release); a rollback to the last deployed revision when an upgrade
/// failed or hangs pending; an uninstall when no revision was ever deployed (a failed first install), so the next
/// reconcile installs from nothing.
/// </summary>
public sealed record ReleaseRepair(string Action, int? ToRevision, string Reason)
{
    public const string None = "none";
    public const string Rollback = "rollback";
    public const string Uninstall = "uninstall";

    public static IReadOnlyList<ReleaseRevision> ParseHistory(string json)
    {
        if (JsonNode.Parse(json) is not JsonArray array)
        {
            throw new JsonException("helm history did not print a JSON list");
        }

        return [.. array.OfType<JsonObject>().Select(r => new ReleaseRevision(
            r["revision"]?.GetValue<int>() ?? 0,
            r["status"]?.GetValue<string>() ?? "unknown",
            r["chart"]?.GetValue<string>() ?? string.Empty,
            r["description"]?.GetValue<string>() ?? string.Empty)).OrderBy(r => r.Number)];
    }

    public static ReleaseRepair Decide(IReadOnlyList<ReleaseRevision> history)
    {
        if (history.Count == 0)
        {
            return new ReleaseRepair(None, null, "there is no Helm release: helm-controller installs it");
        }

        var last = history[^1];
        if (last.Status == "deployed")
        {
            return new ReleaseRepair(None, null, $"revision {last.Number} ({last.Chart}) is deployed");
        }

        var deployed = history.LastOrDefault(r => r.Status is "deployed" or "superseded" && r.Number < last.Number);
        return deployed is null
            ? new ReleaseRepair(Uninstall, null, $"revision {last.Number} is {last.Status} and no revision was ever deployed ({last.Description})")
            : new ReleaseRepair(Rollback, deployed.Number, string.Create(CultureInfo.InvariantCulture,
                $"revision {last.Number} is {last.Status} ({last.Description}); revision {deployed.Number} ({deployed.Chart}) last ran"));
    }
}
