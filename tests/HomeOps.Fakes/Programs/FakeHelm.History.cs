using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using HomeOps.Fakes.Kubernetes;

namespace HomeOps.Fakes.Programs;

/// <summary>
/// A release's revisions, as helm 3 keeps them (one Secret sh.helm.release.v1.NAME.vN per revision) and answers
/// `helm history -o json` (revision, updated, status, chart, app_version, description). `rollback NAME N` adds a new
/// deployed revision with revision N's chart ("Rollback to N") and marks the one it replaces superseded, as
/// pkg/action/rollback.go does; a missing N is "release has no N version". `uninstall` removes the revisions and
/// their Secrets; a missing release is "Release not loaded: NAME: release: not found".
/// A release installed by `upgrade --install` appears with one deployed revision. Does not model: --max, hooks,
/// --wait (nothing runs in the fake), keep-history uninstalls.
/// </summary>
public sealed partial class FakeHelm
{
    public sealed record Revision(int Number, string Status, string Chart, string Description);

    /// <summary>(storage namespace, release) → revisions, oldest first.</summary>
    public Dictionary<(string Ns, string Release), List<Revision>> History { get; } = [];

    /// <summary>Every rollback and uninstall run, as "rollback ns/name N" and "uninstall ns/name", in order.</summary>
    public List<string> Repairs { get; } = [];

    /// <summary>The revisions of a release (empty when there is none).</summary>
    public List<Revision> HistoryOf(string ns, string release)
    {
        if (!History.TryGetValue((ns, release), out var revisions))
        {
            revisions = Releases.TryGetValue((ns, release), out var r)
                ? [new Revision(r.Revision, "deployed", $"{ChartName(r.Chart)}-{r.Version}", "Install complete")]
                : [];
            History[(ns, release)] = revisions;
        }

        return revisions;
    }

    /// <summary>Adds a revision as helm-controller's install or upgrade would; a deployed one supersedes the deployed before it.</summary>
    public Revision Record(string ns, string release, string status, string chart, string description)
    {
        var revisions = HistoryOf(ns, release);
        if (status == "deployed")
        {
            for (var i = 0; i < revisions.Count; i++)
            {
                if (revisions[i].Status == "deployed")
                {
                    revisions[i] = revisions[i] with { Status = "superseded" };
                }
            }
        }

        var revision = new Revision(revisions.Count == 0 ? 1 : revisions[^1].Number + 1, status, chart, description);
        revisions.Add(revision);
        var store = api.Store;
        store.Create(store.Type("", "v1", "secrets")!, ns, new JsonObject
        {
            ["metadata"] = new JsonObject
            {
                ["name"] = $"sh.helm.release.v1.{release}.v{revision.Number}",
                ["namespace"] = ns,
                ["labels"] = new JsonObject { ["owner"] = "helm", ["name"] = release, ["status"] = status, ["version"] = revision.Number.ToString(CultureInfo.InvariantCulture) },
            },
            ["type"] = "helm.sh/release.v1",
            ["data"] = new JsonObject { ["release"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(chart)) },
        });
        return revision;
    }

    private FakeResult ReleaseHistory(List<string> args, string ns)
    {
        if (!api.IsUp)
        {
            return Unreachable(args);
        }

        var release = args.Count > 1 ? args[1] : string.Empty;
        var revisions = HistoryOf(ns, release);
        switch (args)
        {
            case ["history", ..]:
                return revisions.Count == 0
                    ? FakeResult.Error("Error: release: not found\n")
                    : FakeResult.Ok(new JsonArray([.. revisions.Select(r => (JsonNode)new JsonObject
                    {
                        ["revision"] = r.Number,
                        ["updated"] = "2026-12-07T04:00:00.000000000Z",
                        ["status"] = r.Status,
                        ["chart"] = r.Chart,
                        ["app_version"] = r.Chart[(r.Chart.LastIndexOf('-') + 1)..],
                        ["description"] = r.Description,
                    })]).ToJsonString() + "\n");
            case ["rollback", _, var to, ..]:
                var target = revisions.FirstOrDefault(r => r.Number.ToString(CultureInfo.InvariantCulture) == to);
                if (target is null)
                {
                    return revisions.Count == 0 ? FakeResult.Error($"Error: release: not found\n") : FakeResult.Error($"Error: release has no {to} version\n");
                }

                revisions[^1] = revisions[^1] with { Status = "superseded" };
                Record(ns, release, "deployed", target.Chart, $"Rollback to {to}");
                Repairs.Add($"rollback {ns}/{release} {to}");
                return FakeResult.Ok("Rollback was a success! Happy Helming!\n");
            case ["uninstall", ..]:
                if (revisions.Count == 0)
                {
                    return FakeResult.Error($"Error: uninstall: Release not loaded: {release}: release: not found\n");
                }

                var secrets = api.Store.Type("", "v1", "secrets")!;
                foreach (var r in revisions)
                {
                    api.Store.Delete(secrets, ns, $"sh.helm.release.v1.{release}.v{r.Number}");
                }

                revisions.Clear();
                Releases.Remove((ns, release));
                Repairs.Add($"uninstall {ns}/{release}");
                return FakeResult.Ok($"release \"{release}\" uninstalled\n");
            default:
                return FakeResult.Error($"Error: unknown command \"{string.Join(' ', args)}\" for \"helm\"\n");
        }
    }
}
