using System.Text.Json.Nodes;
using HomeOps.Core.Diagnostics;
using HomeOps.Core.Graph;
using HomeOps.Runtime.Kubernetes;

namespace HomeOps.Operations.Bootstrap.Steps;

/// <summary>
/// Waits (watching Kustomizations) until Flux has applied the whole tree: every Kustomization Ready for its
/// current generation. While waiting it shows what blocks what, from dependsOn and each Ready condition. A timeout
/// caused by the root itself (its GitRepository cannot clone cluster.yaml's gitops repository or branch, or its path
/// is not there) names that cause and the cluster.yaml keys to fix (HO5071, HO5072); such a cause that stands for
/// <see cref="BootstrapOptions.RootFailureGrace"/> stops the wait at once instead of at the deadline.
/// A rebuild passes the Kustomizations it holds suspended until their data is restored (ids "namespace/name"):
/// they are left out of the wait, and nothing else depends on them.
/// </summary>
public sealed class FluxReadyStep(IReadOnlySet<string>? held = null) : BootstrapStep
{
    public const string StepName = "flux-ready";

    public override string Name => StepName;

    public override string Description => "every Flux Kustomization Ready (Flux in control)";

    public override IReadOnlyList<string> DependsOn => [FluxSyncStep.StepName];

    public override async Task<bool> IsDoneAsync(BootstrapContext context, CancellationToken cancellationToken) =>
        EvaluateUnheld((await context.Kube.ListAsync(KubeResource.Kustomizations, null, cancellationToken).ConfigureAwait(false)).Items).Done;

    public override Task RunAsync(BootstrapContext context, CancellationToken cancellationToken) => Task.CompletedTask;

    public override async Task WaitAsync(BootstrapContext context, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var what = held is null ? "every Flux Kustomization to be Ready" : "every Flux Kustomization not held for the restore to be Ready";
        var wait = Waits.WatchAsync(context, what, KubeResource.Kustomizations, null, EvaluateUnheld, stop.Token);
        var watchdog = RootFailureAsync(context, stop.Token);
        Diagnostic? cause;
        try
        {
            if (await Task.WhenAny(wait, watchdog).ConfigureAwait(false) == wait)
            {
                await wait.ConfigureAwait(false);
                return;
            }

            // The root has failed for longer than the grace: stop now rather than at the deadline.
            cause = await watchdog.ConfigureAwait(false);
        }
        catch (BootstrapStepException e) when (e.Diagnostics is [{ Code: var code }] && code == DiagnosticCatalog.WaitTimedOut.Code)
        {
            cause = await RootCauseAsync(context, cancellationToken).ConfigureAwait(false);
            if (cause is null)
            {
                throw;
            }
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await Task.WhenAll(wait, watchdog).ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default).ConfigureAwait(false);
        }

        throw BootstrapContext.Fail(cause);
    }

    /// <summary>
    /// Polls the root's own state while the wait runs; answers its cause once it has failed for
    /// <see cref="BootstrapOptions.RootFailureGrace"/> without a break (Ready True, or the object gone, starts over; an
    /// Unknown status while Flux retries does not). Never answers while the root is healthy: the wait ends first.
    /// </summary>
    private static async Task<Diagnostic> RootFailureAsync(BootstrapContext context, CancellationToken cancellationToken)
    {
        DateTimeOffset? since = null;
        var delay = context.Options.PollDelay;
        while (true)
        {
            await Task.Delay(delay, context.Time, cancellationToken).ConfigureAwait(false);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, context.Options.MaxPollDelay.Ticks));
            (Diagnostic? Cause, bool Retrying) state;
            try
            {
                state = await RootStateAsync(context, failedOnly: true, cancellationToken).ConfigureAwait(false);
            }
            catch (KubeApiException)
            {
                continue; // The API not answering is the wait's business, not a verdict on the root.
            }

            if (state.Retrying)
            {
                continue;
            }

            if (state.Cause is not { } cause)
            {
                since = null;
                continue;
            }

            since ??= context.Time.GetUtcNow();
            if (context.Time.GetUtcNow() - since >= context.Options.RootFailureGrace)
            {
                return cause;
            }
        }
    }

    /// <summary>
    /// Why Flux never started, when the root cannot even fetch or build its tree: the GitRepository cannot clone
    /// cluster.yaml's gitops repository or branch, or the root Kustomization's path is not in it. Null otherwise
    /// (the timeout's own status says what is still waiting).
    /// </summary>
    private static async Task<Diagnostic?> RootCauseAsync(BootstrapContext context, CancellationToken cancellationToken) =>
        (await RootStateAsync(context, failedOnly: false, cancellationToken).ConfigureAwait(false)).Cause;

    /// <summary>
    /// The root's cause (see <see cref="RootCauseAsync"/>), and whether source-controller is retrying the clone right
    /// now (Ready Unknown: no verdict either way). <paramref name="failedOnly"/> counts only a Ready that is False.
    /// </summary>
    private static async Task<(Diagnostic? Cause, bool Retrying)> RootStateAsync(BootstrapContext context, bool failedOnly, CancellationToken cancellationToken)
    {
        var repository = await context.Kube.GetAsync(KubeResource.GitRepositories, "flux-system", "flux-system", cancellationToken).ConfigureAwait(false);
        var url = repository?["spec"]?["url"]?.GetValue<string>() ?? context.Cluster.GitOps.Repository;
        var branch = repository?["spec"]?["ref"]?["branch"]?.GetValue<string>() ?? context.Cluster.GitOps.Branch;
        var source = repository is null ? null : ReadyCondition(repository);
        var sourceReady = source?["status"]?.GetValue<string>();
        if (failedOnly && sourceReady == "Unknown")
        {
            return (null, true);
        }

        if (source is not null && sourceReady != "True")
        {
            return (DiagnosticCatalog.FluxSourceNotReady.At(context.Location, url, branch, source["message"]?.GetValue<string>() ?? "no message"), false);
        }

        var root = await context.Kube.GetAsync(KubeResource.Kustomizations, "flux-system", "flux-system", cancellationToken).ConfigureAwait(false);
        return (root is not null && ReadyCondition(root) is { } ready && ready["status"]?.GetValue<string>() != "True"
            && ready["reason"]?.GetValue<string>() == "ArtifactFailed" && ready["message"]?.GetValue<string>() is { } message
            && message.StartsWith("kustomization path not found", StringComparison.Ordinal)
            ? DiagnosticCatalog.FluxRootPathFailed.At(context.Location, root["spec"]?["path"]?.GetValue<string>() ?? string.Empty, $"{url} (branch {branch})", message)
            : null, false);
    }

    private static JsonNode? ReadyCondition(JsonObject o) =>
        (o["status"]?["conditions"] as JsonArray)?.FirstOrDefault(c => c?["type"]?.GetValue<string>() == "Ready");

    private (bool Done, string Status) EvaluateUnheld(IReadOnlyCollection<JsonObject> kustomizations) =>
        Evaluate(held is null ? kustomizations : [.. kustomizations.Where(k => !held.Contains(Id(k)))]);

    public static (bool Done, string Status) Evaluate(IReadOnlyCollection<JsonObject> kustomizations)
    {
        if (kustomizations.Count == 0)
        {
            return (false, "no Kustomization yet");
        }

        var graph = new DependencyGraph<JsonObject>();
        foreach (var k in kustomizations)
        {
            graph.Add(Id(k), k);
        }

        foreach (var k in kustomizations)
        {
            foreach (var dependency in (k["spec"]?["dependsOn"] as JsonArray ?? []).Select(d => $"{d?["namespace"]?.GetValue<string>() ?? Ns(k)}/{d?["name"]}"))
            {
                if (graph.Contains(dependency))
                {
                    graph.AddDependency(Id(k), dependency);
                }
            }
        }

        var notReady = graph.Names.Where(n => !IsReady(graph[n])).ToList();
        if (notReady.Count == 0)
        {
            return (true, $"{kustomizations.Count}/{kustomizations.Count} Ready");
        }

        // Show the roots of what is missing first: a Kustomization waiting only on others is named with them.
        var blocked = notReady.Select(n =>
        {
            var waitsOn = graph.DependenciesOf(n).Where(notReady.Contains).ToList();
            var reason = graph[n]["status"]?["conditions"] is JsonArray c ? c.FirstOrDefault(x => x?["type"]?.GetValue<string>() == "Ready")?["reason"]?.GetValue<string>() : null;
            return waitsOn.Count > 0 ? $"{Short(n)} waits on {string.Join(", ", waitsOn.Select(Short))}" : $"{Short(n)}: {reason ?? "not reconciled yet"}";
        });
        return (false, $"{kustomizations.Count - notReady.Count}/{kustomizations.Count} Ready; " + string.Join("; ", blocked));
    }

    private static bool IsReady(JsonObject k) =>
        k["status"]?["conditions"] is JsonArray conditions
        && conditions.Any(c => c?["type"]?.GetValue<string>() == "Ready" && c["status"]?.GetValue<string>() == "True")
        && k["status"]?["observedGeneration"]?.GetValue<long>() == k["metadata"]?["generation"]?.GetValue<long>();

    private static string Ns(JsonObject k) => k["metadata"]?["namespace"]?.GetValue<string>() ?? "flux-system";

    private static string Id(JsonObject k) => $"{Ns(k)}/{k["metadata"]?["name"]}";

    private static string Short(string name) => name.StartsWith("flux-system/", StringComparison.Ordinal) ? name["flux-system/".Length..] : name;

    public override IEnumerable<string> Plan(BootstrapContext context)
    {
        yield return held is null
            ? $"watch kustomizations (all namespaces) until every one is Ready (up to {context.Options.WaitTimeout.TotalMinutes:0} min)"
            : $"watch kustomizations (all namespaces) until every one is Ready except the {held.Count} held for the restore (up to {context.Options.WaitTimeout.TotalMinutes:0} min)";
    }
}
