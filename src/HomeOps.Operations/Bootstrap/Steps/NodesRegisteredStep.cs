using HomeOps.Runtime.Kubernetes;

namespace HomeOps.Operations.Bootstrap.Steps;

/// <summary>Waits (watching Nodes) until every node of cluster.yaml has registered. NotReady is expected: no CNI yet.</summary>
public sealed class NodesRegisteredStep : BootstrapStep
{
    public const string StepName = "nodes-registered";

    public override string Name => StepName;

    public override string Description => "every node registered (NotReady until the CNI runs)";

    public override IReadOnlyList<string> DependsOn => [ApiReadyStep.StepName];

    public override async Task<bool> IsDoneAsync(BootstrapContext context, CancellationToken cancellationToken)
    {
        var nodes = await context.Kube.ListAsync(KubeResource.Nodes, null, cancellationToken).ConfigureAwait(false);
        return Missing(context, nodes.Items).Count == 0;
    }

    public override Task RunAsync(BootstrapContext context, CancellationToken cancellationToken) => Task.CompletedTask;

    public override Task WaitAsync(BootstrapContext context, CancellationToken cancellationToken) =>
        Waits.WatchAsync(context, "every node to register", KubeResource.Nodes, null, nodes =>
        {
            var missing = Missing(context, nodes);
            return (missing.Count == 0, "not registered: " + string.Join(", ", missing));
        }, cancellationToken);

    private static List<string> Missing(BootstrapContext context, IEnumerable<System.Text.Json.Nodes.JsonObject> nodes)
    {
        var names = nodes.Select(n => n["metadata"]?["name"]?.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
        return [.. context.Cluster.Nodes.Select(n => n.Name).Where(n => !names.Contains(n))];
    }

    public override IEnumerable<string> Plan(BootstrapContext context)
    {
        yield return $"watch nodes until {string.Join(", ", context.Cluster.Nodes.Select(n => n.Name))} exist";
    }
}
