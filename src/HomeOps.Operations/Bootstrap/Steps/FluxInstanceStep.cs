using System.Text.Json.Nodes;
using HomeOps.Core.GitOps.Model;
using HomeOps.Operations.Bootstrap.Tree;
using HomeOps.Runtime.Kubernetes;

namespace HomeOps.Operations.Bootstrap.Steps;

/// <summary>
/// With the Flux Operator installed, applies the tree's FluxInstance (the Flux installation itself) and waits until
/// the operator reports it Ready: the Flux controllers and CRDs are then in place for the sync objects.
/// </summary>
public sealed class FluxInstanceStep(KubeObject instance, string dependsOn) : BootstrapStep
{
    public const string StepName = "flux-instance";

    public override string Name => StepName;

    public override string Description => $"apply FluxInstance {Namespace}/{instance.Name} and wait until the operator has installed Flux";

    public override IReadOnlyList<string> DependsOn => [dependsOn];

    private string Namespace => instance.Namespace ?? "flux-system";

    public override async Task<bool> IsDoneAsync(BootstrapContext context, CancellationToken cancellationToken) =>
        await context.Kube.GetAsync(KubeResource.FluxInstances, Namespace, instance.Name, cancellationToken).ConfigureAwait(false) is { } live
        && JsonNode.DeepEquals(live["spec"], BootstrapTree.ToJson(instance)["spec"]) && IsReady(live);

    public override async Task RunAsync(BootstrapContext context, CancellationToken cancellationToken) =>
        await context.Kube.ApplyAsync(KubeResource.FluxInstances, BootstrapTree.ToJson(instance), BootstrapContext.FieldManager, cancellationToken).ConfigureAwait(false);

    public override Task WaitAsync(BootstrapContext context, CancellationToken cancellationToken) =>
        Waits.WatchAsync(context, $"FluxInstance {Namespace}/{instance.Name} to be Ready", KubeResource.FluxInstances, Namespace, instances =>
        {
            var live = instances.FirstOrDefault(i => i["metadata"]?["name"]?.GetValue<string>() == instance.Name);
            var ready = live?["status"]?["conditions"] is JsonArray c ? c.FirstOrDefault(x => x?["type"]?.GetValue<string>() == "Ready") : null;
            return (live is not null && IsReady(live), ready is null ? "not reconciled yet" : $"{ready["reason"]}: {ready["message"]}");
        }, cancellationToken);

    private static bool IsReady(JsonObject live) =>
        live["status"]?["conditions"] is JsonArray conditions
        && conditions.Any(c => c?["type"]?.GetValue<string>() == "Ready" && c["status"]?.GetValue<string>() == "True");

    public override IEnumerable<string> Plan(BootstrapContext context)
    {
        yield return $"apply FluxInstance {Namespace}/{instance.Name} (from {BootstrapTree.Where(instance)})";
        yield return "watch fluxinstances until it is Ready";
    }
}
