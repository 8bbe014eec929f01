using System.Globalization;
using System.Text.Json.Nodes;
using HomeOps.Fakes.Kubernetes;

namespace HomeOps.Fakes.Controllers;

/// <summary>
/// source-controller v1.4 for GitRepositories, at the level of the artifact revision: spec.ref.commit takes
/// precedence over the branch (api/v1 gitrepository_types.go GitRepositoryRef), and the artifact revision is
/// "&lt;branch&gt;@sha1:&lt;commit&gt;" (the branch's head, <see cref="Head"/>, when no commit is pinned). A commit the
/// repository does not hold (<see cref="Commits"/>) makes it Ready False, reason GitOperationFailed.
/// Does not model: cloning, tags, semver, ignore rules, verification, intervals.
/// </summary>
public sealed class GitSourceController(TimeProvider time) : IFakeController
{
    public const string DefaultHead = "0123456789abcdef0123456789abcdef01234567";

    /// <summary>The branch's newest commit.</summary>
    public string Head { get; set; } = DefaultHead;

    /// <summary>Every commit the repository holds (the head included).</summary>
    public HashSet<string> Commits { get; } = new(StringComparer.Ordinal) { DefaultHead };

    public void OnChanged(FakeKubeStore store, FakeWatchEvent change)
    {
        if (change.Type.Kind != "GitRepository" || change.EventType == "DELETED")
        {
            return;
        }

        var repo = change.Object;
        var generation = repo["metadata"]?["generation"]?.GetValue<long>() ?? 1;
        var branch = repo["spec"]?["ref"]?["branch"]?.GetValue<string>() ?? "master";
        var commit = repo["spec"]?["ref"]?["commit"]?.GetValue<string>() ?? Head;
        var known = Commits.Contains(commit);
        var revision = known ? $"{branch}@sha1:{commit}" : repo["status"]?["artifact"]?["revision"]?.GetValue<string>();
        var reason = known ? "Succeeded" : "GitOperationFailed";
        if (repo["status"]?["observedGeneration"]?.GetValue<long>() == generation && repo["status"]?["artifact"]?["revision"]?.GetValue<string>() == revision
            && repo["status"]?["conditions"]?[0]?["reason"]?.GetValue<string>() == reason)
        {
            return;
        }

        var now = time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var url = repo["spec"]?["url"]?.GetValue<string>() ?? string.Empty;
        store.Mutate(change.Type, FakeKubeStore.NamespaceOf(repo), FakeKubeStore.NameOf(repo), o =>
        {
            var status = new JsonObject
            {
                ["observedGeneration"] = generation,
                ["conditions"] = new JsonArray(new JsonObject
                {
                    ["type"] = "Ready",
                    ["status"] = known ? "True" : "False",
                    ["reason"] = reason,
                    ["message"] = known ? $"stored artifact for revision '{revision}'" : $"failed to checkout and determine revision: unable to clone '{url}': object not found",
                    ["lastTransitionTime"] = now,
                }),
            };
            if (revision is not null)
            {
                status["artifact"] = new JsonObject { ["revision"] = revision, ["lastUpdateTime"] = now };
            }

            o["status"] = status;
        });
    }
}
