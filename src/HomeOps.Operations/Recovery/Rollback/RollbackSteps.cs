using System.Text.Json.Nodes;
using HomeOps.Core.Diagnostics;
using HomeOps.Operations.Bootstrap;
using HomeOps.Operations.Recovery.Flux;
using HomeOps.Runtime.Kubernetes;

namespace HomeOps.Operations.Recovery.Rollback;

/// <summary>
/// Pins Flux's GitRepository to one commit: spec.ref.commit, which source-controller v1.4 prefers over the branch
/// (api/v1 gitrepository_types.go, GitRepositoryRef: "Commit SHA to check out, takes precedence over all reference
/// fields"); with the branch kept, it is fetched from that branch. Applied by its own field manager, so the root
/// Kustomization's later applies of sync.yaml (which never set commit) leave the pin in place.
/// </summary>
public sealed class PinRevisionStep(string repositoryNamespace, string repositoryName, string commit) : BootstrapStep
{
    public const string StepName = "pin-revision";

    public const string FieldManager = "homeops-rollback";

    public override string Name => StepName;

    public override string Description => $"pin GitRepository {repositoryNamespace}/{repositoryName} to commit {commit}";

    public override async Task<bool> IsDoneAsync(BootstrapContext context, CancellationToken cancellationToken) =>
        (await context.Kube.GetAsync(KubeResource.GitRepositories, repositoryNamespace, repositoryName, cancellationToken).ConfigureAwait(false))?["spec"]?["ref"]?["commit"]?.GetValue<string>() == commit;

    public override async Task RunAsync(BootstrapContext context, CancellationToken cancellationToken)
    {
        var live = await context.Kube.GetAsync(KubeResource.GitRepositories, repositoryNamespace, repositoryName, cancellationToken).ConfigureAwait(false)
            ?? throw BootstrapContext.Fail(DiagnosticCatalog.RecoveryGitRepositoryMissing.At(context.Location, $"{repositoryNamespace}/{repositoryName}"));
        context.Detail($"was {live["spec"]?["ref"]?.ToJsonString() ?? "{}"}, serving {live["status"]?["artifact"]?["revision"]?.GetValue<string>() ?? "no artifact"}");
        await context.Kube.ApplyAsync(KubeResource.GitRepositories, new JsonObject
        {
            ["apiVersion"] = KubeResource.GitRepositories.ApiVersion,
            ["kind"] = KubeResource.GitRepositories.Kind,
            ["metadata"] = new JsonObject { ["name"] = repositoryName, ["namespace"] = repositoryNamespace },
            ["spec"] = new JsonObject { ["ref"] = new JsonObject { ["commit"] = commit } },
        }, FieldManager, cancellationToken).ConfigureAwait(false);
    }

    public override IEnumerable<string> Plan(BootstrapContext context) =>
        [$"apply gitrepository {repositoryNamespace}/{repositoryName} spec.ref.commit: {commit} (field manager {FieldManager}; the branch stays)"];
}

/// <summary>Waits until the GitRepository serves an artifact of the pinned commit; a commit the repository lacks stops at once with source-controller's message.</summary>
public sealed class SourceAtRevisionStep(string repositoryNamespace, string repositoryName, string commit) : BootstrapStep
{
    public const string StepName = "source-at-revision";

    public override string Name => StepName;

    public override string Description => $"wait until source-controller serves commit {commit}";

    public override IReadOnlyList<string> DependsOn => [PinRevisionStep.StepName];

    public override async Task<bool> IsDoneAsync(BootstrapContext context, CancellationToken cancellationToken) =>
        Evaluate(context, await context.Kube.GetAsync(KubeResource.GitRepositories, repositoryNamespace, repositoryName, cancellationToken).ConfigureAwait(false)).Done;

    public override Task RunAsync(BootstrapContext context, CancellationToken cancellationToken) => Task.CompletedTask;

    public override Task WaitAsync(BootstrapContext context, CancellationToken cancellationToken) =>
        Waits.WatchAsync(context, $"GitRepository {repositoryNamespace}/{repositoryName} at {commit}", KubeResource.GitRepositories, repositoryNamespace,
            objects => Evaluate(context, objects.FirstOrDefault(o => o["metadata"]?["name"]?.GetValue<string>() == repositoryName)), cancellationToken);

    private (bool Done, string Status) Evaluate(BootstrapContext context, JsonObject? repo)
    {
        var revision = repo?["status"]?["artifact"]?["revision"]?.GetValue<string>() ?? "no artifact";
        var ready = (repo?["status"]?["conditions"] as JsonArray)?.OfType<JsonObject>().FirstOrDefault(c => c["type"]?.GetValue<string>() == "Ready");
        if (ready?["reason"]?.GetValue<string>() == "GitOperationFailed" && repo?["spec"]?["ref"]?["commit"]?.GetValue<string>() == commit)
        {
            throw BootstrapContext.Fail(DiagnosticCatalog.RecoveryRevisionUnavailable.At(context.Location, commit, ready["message"]?.GetValue<string>() ?? "no message"));
        }

        var atCommit = revision.EndsWith("@sha1:" + commit, StringComparison.Ordinal) || revision.EndsWith("@sha256:" + commit, StringComparison.Ordinal);
        return (FluxObjects.IsReady(repo) && atCommit, $"serving {revision}");
    }

    public override IEnumerable<string> Plan(BootstrapContext context) =>
        [$"watch gitrepositories until {repositoryName} is Ready with an artifact of {commit} (up to {context.Options.WaitTimeout.TotalMinutes:0} min)"];
}

/// <summary>Waits until every Kustomization that is not suspended has applied the pinned revision and is Ready.</summary>
public sealed class AppliedRevisionStep(string commit) : BootstrapStep
{
    public const string StepName = "applied-revision";

    public override string Name => StepName;

    public override string Description => $"wait until every Kustomization applied commit {commit} and is Ready";

    public override IReadOnlyList<string> DependsOn => [SourceAtRevisionStep.StepName];

    public override async Task<bool> IsDoneAsync(BootstrapContext context, CancellationToken cancellationToken) =>
        Evaluate((await context.Kube.ListAsync(KubeResource.Kustomizations, null, cancellationToken).ConfigureAwait(false)).Items).Done;

    public override Task RunAsync(BootstrapContext context, CancellationToken cancellationToken) => Task.CompletedTask;

    public override Task WaitAsync(BootstrapContext context, CancellationToken cancellationToken) =>
        Waits.WatchAsync(context, $"every Kustomization to apply {commit}", KubeResource.Kustomizations, null, Evaluate, cancellationToken);

    private (bool Done, string Status) Evaluate(IReadOnlyCollection<JsonObject> live)
    {
        var active = live.Where(k => !FluxObjects.IsSuspended(k)).ToList();
        var behind = active.Where(k => !(FluxObjects.IsReady(k) && (k["status"]?["lastAppliedRevision"]?.GetValue<string>() ?? string.Empty).EndsWith(commit, StringComparison.Ordinal)))
            .Select(k => $"{k["metadata"]?["name"]}: {k["status"]?["lastAppliedRevision"]?.GetValue<string>() ?? "nothing applied"} ({FluxObjects.ReadyStatus(k)})").ToList();
        return (behind.Count == 0, $"{active.Count - behind.Count}/{active.Count} at {commit}" + (behind.Count == 0 ? string.Empty : "; " + string.Join("; ", behind.Take(5))));
    }

    public override IEnumerable<string> Plan(BootstrapContext context) =>
        [$"watch kustomizations until each one not suspended reports lastAppliedRevision …{commit} and Ready (up to {context.Options.WaitTimeout.TotalMinutes:0} min)"];
}
