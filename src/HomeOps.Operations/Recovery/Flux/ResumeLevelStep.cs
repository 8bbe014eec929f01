using System.Text.Json.Nodes;
using HomeOps.Operations.Bootstrap;
using HomeOps.Runtime.Kubernetes;

namespace HomeOps.Operations.Recovery.Flux;

/// <summary>
/// Resumes the Kustomizations of one depth of the graph and waits (watching) until every one of them is Ready for
/// its new generation. The next depth starts only then, so each Kustomization comes back after what it depends on.
/// </summary>
public sealed class ResumeLevelStep(int depth, IReadOnlyList<FluxRef> kustomizations, IReadOnlyList<string> dependsOn) : BootstrapStep
{
    public static string StepName(int depth) => $"resume-depth-{depth}";

    public override string Name => StepName(depth);

    public override string Description => $"resume depth {depth} ({string.Join(", ", kustomizations.Select(k => k.Name))}) and wait until Ready";

    public override IReadOnlyList<string> DependsOn => dependsOn;

    public IReadOnlyList<FluxRef> Kustomizations => kustomizations;

    public override async Task<bool> IsDoneAsync(BootstrapContext context, CancellationToken cancellationToken)
    {
        var live = (await context.Kube.ListAsync(KubeResource.Kustomizations, null, cancellationToken).ConfigureAwait(false)).Items;
        return Evaluate(live).Done;
    }

    public override async Task RunAsync(BootstrapContext context, CancellationToken cancellationToken)
    {
        foreach (var k in kustomizations)
        {
            var found = await FluxObjects.SetSuspendAsync(context, KubeResource.Kustomizations, k.Namespace, k.Name, false, cancellationToken).ConfigureAwait(false);
            context.Detail(found ? $"resumed {k.Name}" : $"{k.Name}: not in the cluster yet (the Kustomization that applies it creates it)");
        }
    }

    public override Task WaitAsync(BootstrapContext context, CancellationToken cancellationToken) =>
        Waits.WatchAsync(context, $"depth {depth} to be Ready", KubeResource.Kustomizations, null, Evaluate, cancellationToken);

    public (bool Done, string Status) Evaluate(IReadOnlyCollection<JsonObject> live)
    {
        var byId = live.ToDictionary(Waits.Key, StringComparer.Ordinal);
        var waiting = kustomizations
            .Select(k => (k.Name, Object: byId.GetValueOrDefault($"{k.Namespace}/{k.Name}")))
            .Where(k => k.Object is null || FluxObjects.IsSuspended(k.Object) || !FluxObjects.IsReady(k.Object))
            .ToList();
        return waiting.Count == 0
            ? (true, $"{kustomizations.Count}/{kustomizations.Count} Ready")
            : (false, $"{kustomizations.Count - waiting.Count}/{kustomizations.Count} Ready; " + string.Join("; ", waiting.Select(w => $"{w.Name}: {FluxObjects.ReadyStatus(w.Object)}")));
    }

    public override IEnumerable<string> Plan(BootstrapContext context) =>
        [.. kustomizations.Select(k => $"resume kustomization {k.Id} (spec.suspend: false)"),
         $"watch kustomizations until each is Ready: {string.Join(", ", kustomizations.Select(k => k.Name))} (up to {context.Options.WaitTimeout.TotalMinutes:0} min)"];
}
