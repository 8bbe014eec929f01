using System.Globalization;
using System.Text.Json.Nodes;

namespace HomeOps.Core.Status;

/// <summary>
/// The Flux section: every Kustomization and HelmRelease with Ready and its revision, and for each one that is not
/// ready what it is blocked by. The walk follows spec.dependsOn to the root causes (objects that are not ready on
/// their own, are missing, or depend on each other in a cycle), and reports each root cause once, as one line
/// naming everything it blocks: no alert storm for a failure that blocks ten others.
/// </summary>
public static class FluxStatus
{
    public const string Id = "flux";
    public const string Title = "Flux";

    public static StatusSection Evaluate(IReadOnlyList<JsonObject> kustomizations, IReadOnlyList<JsonObject> helmReleases)
    {
        var objects = kustomizations.Select(k => FluxObject.From("Kustomization", k))
            .Concat(helmReleases.Select(h => FluxObject.From("HelmRelease", h)))
            .OrderBy(o => o.Kind == "HelmRelease").ThenBy(o => o.Namespace, StringComparer.Ordinal).ThenBy(o => o.Name, StringComparer.Ordinal)
            .ToList();
        var walk = new FluxBlockers(objects);
        var items = objects.Select(o => Item(o, walk.RootCausesOf(o.Id))).ToList();

        var findings = walk.RootCauses
            .Select(root => Finding(root, walk))
            .ToList();
        var ready = objects.Count(o => o.IsReady);
        var summary = string.Create(CultureInfo.InvariantCulture,
            $"{ready}/{objects.Count} Ready ({kustomizations.Count} Kustomizations, {helmReleases.Count} HelmReleases); {findings.Count} root cause(s)");
        return StatusSection.Of(Id, Title, summary, findings, items);
    }

    private static StatusItem Item(FluxObject o, IReadOnlyList<string> rootCauses)
    {
        var revision = o.Revision ?? "-";
        Health health;
        string detail;
        if (o.Suspended)
        {
            (health, detail) = (Health.Warning, $"suspended (Flux does not reconcile it), last {revision}");
        }
        else if (o.IsReady)
        {
            (health, detail) = (Health.Ok, $"Ready, {revision}");
        }
        else if (rootCauses.Count == 1 && rootCauses[0] == o.Id)
        {
            (health, detail) = (Health.Unhealthy, $"not Ready: {o.Problem}");
        }
        else
        {
            (health, detail) = (Health.Unhealthy, $"blocked by {string.Join(", ", rootCauses)}");
        }

        return new StatusItem(o.Id, health, detail)
        {
            Fields =
            [
                new("kind", o.Kind), new("namespace", o.Namespace), new("name", o.Name),
                new("ready", o.Ready?.Status ?? "Unknown"), new("reason", o.Ready?.Reason ?? string.Empty),
                new("revision", o.Revision ?? string.Empty), new("suspended", o.Suspended ? "true" : "false"),
                new("blockedBy", string.Join(",", rootCauses.Where(r => r != o.Id))),
            ],
        };
    }

    private static StatusFinding Finding(FluxRootCause root, FluxBlockers walk)
    {
        var blocked = walk.Blocked(root.Id);
        var blocks = blocked.Count == 0 ? string.Empty
            : blocked.Count <= 6 ? $"; blocks {blocked.Count}: {string.Join(", ", blocked)}"
            : $"; blocks {blocked.Count}: {string.Join(", ", blocked.Take(6))}, ...";
        return new StatusFinding(Health.Unhealthy, $"{root.Id} {root.Why}{blocks}", root.Code, root.Hint);
    }
}
