using System.Text.Json.Nodes;
using HomeOps.Operations.Bootstrap.Tree;
using HomeOps.Runtime.Kubernetes;

namespace HomeOps.Operations.Bootstrap.Steps;

/// <summary>
/// The namespaces the core charts and bootstrap secrets go into, applied from their Namespace manifests in the
/// tree when there are any (so Pod Security labels are right from the start), else created bare.
/// </summary>
public sealed class NamespacesStep(BootstrapPlanInputs inputs, string dependsOn) : BootstrapStep
{
    public const string StepName = "namespaces";

    public override string Name => StepName;

    public override string Description => "namespaces of the core charts and bootstrap secrets";

    public override IReadOnlyList<string> DependsOn => [dependsOn];

    public IReadOnlyList<string> Names =>
        [.. inputs.Charts.Select(c => c.Namespace).Append(BootstrapSecretsStep.Namespace(inputs)).Append("flux-system").Distinct(StringComparer.Ordinal)];

    public override async Task<bool> IsDoneAsync(BootstrapContext context, CancellationToken cancellationToken)
    {
        foreach (var name in Names)
        {
            if (await context.Kube.GetAsync(KubeResource.Namespaces, null, name, cancellationToken).ConfigureAwait(false) is null)
            {
                return false;
            }
        }

        return true;
    }

    public override async Task RunAsync(BootstrapContext context, CancellationToken cancellationToken)
    {
        foreach (var name in Names)
        {
            await context.Kube.ApplyAsync(KubeResource.Namespaces, Manifest(name), BootstrapContext.FieldManager, cancellationToken).ConfigureAwait(false);
        }
    }

    private JsonObject Manifest(string name) =>
        (inputs.Tree.Find(string.Empty, "Namespace", name) is { } found ? BootstrapTree.ToJson(found) : null)
        ?? new JsonObject { ["apiVersion"] = "v1", ["kind"] = "Namespace", ["metadata"] = new JsonObject { ["name"] = name } };

    public override IEnumerable<string> Plan(BootstrapContext context) =>
        Names.Select(n => $"apply Namespace {n}" + (inputs.Tree.Find(string.Empty, "Namespace", n) is { } doc ? $" (from {doc.Origin.File})" : string.Empty));
}
