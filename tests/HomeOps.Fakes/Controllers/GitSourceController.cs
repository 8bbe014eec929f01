using System.Globalization;
using System.Text.Json.Nodes;
using HomeOps.Fakes.Kubernetes;

namespace HomeOps.Fakes.Controllers;

/// <summary>
/// source-controller v1.4 for GitRepositories, at the level of the artifact revision: spec.ref.commit takes
/// precedence over the branch (api/v1 gitrepository_types.go GitRepositoryRef), and the artifact revision is
/// "&lt;branch&gt;@sha1:&lt;commit&gt;" (the branch's head, <see cref="Head"/>, when no commit is pinned). A commit the
/// repository does not hold (<see cref="Commits"/>) makes it Ready False, reason GitOperationFailed.
/// With <see cref="Repositories"/> set, only those URLs and branches exist (the folder of each is the tree
/// FluxController builds); another URL or branch fails to clone.
/// Does not model: cloning, tags, semver, ignore rules, verification, intervals.
/// </summary>
public sealed class GitSourceController(TimeProvider time) : IFakeController
{
    public const string DefaultHead = "0123456789abcdef0123456789abcdef01234567";

    /// <summary>The branch's newest commit.</summary>
    public string Head { get; set; } = DefaultHead;

    /// <summary>
    /// The repositories that exist: URL → branch → the folder holding that branch's tree. Empty: any URL and branch
    /// exist (and no tree is served). A GitRepository naming another URL or branch is Ready False (GitOperationFailed).
    /// </summary>
    public Dictionary<string, Dictionary<string, string>> Repositories { get; } = new(StringComparer.Ordinal);

    /// <summary>The folder of the repository's URL and branch, or null when <see cref="Repositories"/> has neither.</summary>
    public string? Checkout(JsonObject repo) =>
        Repositories.TryGetValue(repo["spec"]?["url"]?.GetValue<string>() ?? string.Empty, out var branches)
        && branches.TryGetValue(repo["spec"]?["ref"]?["branch"]?.GetValue<string>() ?? "master", out var root) ? root : null;

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
        var url = repo["spec"]?["url"]?.GetValue<string>() ?? string.Empty;
        // go-git's errors as source-controller reports them (quoted in public reports, not verified at the pinned version).
        var cloneError = Repositories.Count == 0 ? null
            : !Repositories.TryGetValue(url, out var branches) ? "repository not found"
            : !branches.ContainsKey(branch) ? $"couldn't find remote ref \"refs/heads/{branch}\""
            : null;
        var known = Commits.Contains(commit) && cloneError is null;
        var revision = known ? $"{branch}@sha1:{commit}" : repo["status"]?["artifact"]?["revision"]?.GetValue<string>();
        var reason = known ? "Succeeded" : "GitOperationFailed";
        if (repo["status"]?["observedGeneration"]?.GetValue<long>() == generation && repo["status"]?["artifact"]?["revision"]?.GetValue<string>() == revision
            && repo["status"]?["conditions"]?[0]?["status"]?.GetValue<string>() == (known ? "True" : "False")
            && repo["status"]?["conditions"]?[0]?["reason"]?.GetValue<string>() == reason)
        {
            return;
        }

        var now = time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
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
                    ["message"] = known ? $"stored artifact for revision '{revision}'" : $"failed to checkout and determine revision: unable to clone '{url}': {cloneError ?? "object not found"}",
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
