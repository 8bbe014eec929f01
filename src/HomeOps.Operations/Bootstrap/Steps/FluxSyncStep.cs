using System.Text.Json.Nodes;
using HomeOps.Core.GitOps.Flux;
using HomeOps.Operations.Bootstrap.Tree;
using HomeOps.Runtime.Kubernetes;

namespace HomeOps.Operations.Bootstrap.Steps;

/// <summary>
/// Hands the cluster to Flux: the GitRepository and root Kustomization named flux-system, taken from the tree when
/// it defines them (so they are what Flux itself will keep reconciling), else built from cluster.yaml's gitops.
/// </summary>
public sealed class FluxSyncStep(BootstrapPlanInputs inputs, string dependsOn) : BootstrapStep
{
    public const string StepName = "flux-sync";

    public override string Name => StepName;

    public override string Description => "Flux sync: GitRepository and root Kustomization flux-system";

    public override IReadOnlyList<string> DependsOn => [dependsOn];

    public override async Task<bool> IsDoneAsync(BootstrapContext context, CancellationToken cancellationToken)
    {
        foreach (var (resource, obj) in Objects(context))
        {
            var live = await context.Kube.GetAsync(resource, "flux-system", "flux-system", cancellationToken).ConfigureAwait(false);
            if (live is null || !JsonNode.DeepEquals(live["spec"], obj["spec"]))
            {
                return false;
            }
        }

        return true;
    }

    public override async Task RunAsync(BootstrapContext context, CancellationToken cancellationToken)
    {
        foreach (var (resource, obj) in Objects(context))
        {
            await context.Kube.ApplyAsync(resource, obj, BootstrapContext.FieldManager, cancellationToken).ConfigureAwait(false);
        }
    }

    private IEnumerable<(KubeResource Resource, JsonObject Object)> Objects(BootstrapContext context)
    {
        var gitops = context.Cluster.GitOps;
        var repository = (inputs.Tree.Find(FluxKinds.SourceGroup, "GitRepository", "flux-system", "flux-system") is { } repo ? BootstrapTree.ToJson(repo) : null) ?? new JsonObject
        {
            ["apiVersion"] = KubeResource.GitRepositories.ApiVersion,
            ["kind"] = "GitRepository",
            ["metadata"] = new JsonObject { ["name"] = "flux-system", ["namespace"] = "flux-system" },
            ["spec"] = new JsonObject { ["interval"] = "1m", ["url"] = gitops.Repository, ["ref"] = new JsonObject { ["branch"] = gitops.Branch } },
        };
        var kustomization = inputs.Tree.Find(FluxKinds.KustomizeGroup, "Kustomization", "flux-system", "flux-system") is { ApiVersion: "kustomize.toolkit.fluxcd.io/v1" } found
            ? BootstrapTree.ToJson(found)
            : new JsonObject
            {
                ["apiVersion"] = KubeResource.Kustomizations.ApiVersion,
                ["kind"] = "Kustomization",
                ["metadata"] = new JsonObject { ["name"] = "flux-system", ["namespace"] = "flux-system" },
                ["spec"] = new JsonObject
                {
                    ["interval"] = "10m",
                    ["path"] = "./" + gitops.Path,
                    ["prune"] = true,
                    ["sourceRef"] = new JsonObject { ["kind"] = "GitRepository", ["name"] = "flux-system" },
                },
            };
        return [(KubeResource.GitRepositories, repository), (KubeResource.Kustomizations, kustomization)];
    }

    public override IEnumerable<string> Plan(BootstrapContext context) => Objects(context).Select(o =>
        $"apply {o.Object["kind"]} flux-system/flux-system ({(inputs.Tree.Objects.FirstOrDefault(d => d.Kind == o.Object["kind"]!.GetValue<string>() && d.Name == "flux-system" && d.Namespace == "flux-system") is { } d ? "from " + BootstrapTree.Where(d) : "from cluster.yaml gitops")})");
}
