using System.ComponentModel;
using HomeOps.Operations.Bootstrap;
using HomeOps.Operations.Recovery.Flux;
using HomeOps.Runtime.Kubernetes;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace HomeOps.Mcp.Tools;

/// <summary>
/// The tools that change the cluster, offered only by `homeops mcp --allow-write` and marked destructive:
/// `homeops flux suspend|resume` (FluxSuspendService: deepest first, resumed in graph order with each depth Ready
/// before the next) and the reconcile request `flux reconcile` makes.
/// </summary>
[McpServerToolType]
internal sealed class FluxWriteTools(McpContext context)
{
    private static readonly string[] s_reconcilable = ["Kustomization", "HelmRelease", "GitRepository", "OCIRepository", "HelmRepository"];

    [McpServerTool(Name = "flux_reconcile", Title = "Ask Flux to reconcile now", ReadOnly = false, Destructive = true, Idempotent = false, OpenWorld = true)]
    [Description("Ask Flux to reconcile one object now, as `flux reconcile` does (sets the reconcile.fluxcd.io/requestedAt annotation). Changes the cluster.")]
    public async Task<CallToolResult> Reconcile(
        [Description("Kustomization, HelmRelease, GitRepository, OCIRepository or HelmRepository")] string kind,
        [Description("The object's name")] string name,
        [Description("Its namespace")] string @namespace = "flux-system",
        CancellationToken cancellationToken = default)
    {
        var resource = ClusterAccess.Resource(ToolInput.OneOf("kind", s_reconcilable.FirstOrDefault(k => string.Equals(k, kind, StringComparison.OrdinalIgnoreCase)) ?? kind, s_reconcilable), apiVersion: null);
        var (snapshot, _) = ClusterAccess.Open(context);
        if (snapshot.Api is not { } api)
        {
            return ToolOutput.Error(ClusterAccess.Unavailable(snapshot));
        }

        using var disposable = api as IDisposable;
        try
        {
            if (await api.GetAsync(resource, @namespace, name, cancellationToken).ConfigureAwait(false) is null)
            {
                return ToolOutput.Error($"No {resource.Kind} '{name}' in namespace {@namespace}");
            }

            var now = context.Time.GetUtcNow();
            await api.ApplyAsync(resource, FluxObjects.ReconcilePatch(resource, @namespace, name, now), "homeops-reconcile", cancellationToken).ConfigureAwait(false);
            return ToolOutput.Text($"{resource.Kind} {@namespace}/{name}: reconcile requested at {now:yyyy-MM-ddTHH:mm:ssZ}; read its Ready condition with the status or kube_get tool\n");
        }
        catch (KubeApiException e)
        {
            return ToolOutput.Error($"The API server refused: {e.Message}");
        }
    }

    [McpServerTool(Name = "flux_suspend", Title = "Suspend Flux Kustomizations", ReadOnly = false, Destructive = true, Idempotent = true, OpenWorld = true)]
    [Description("Suspend the tree's Flux Kustomizations (or the named ones), deepest first, as `homeops flux suspend`: Flux stops applying them; their objects stay. Uses the kubeconfig the bootstrap wrote. Changes the cluster.")]
    public Task<CallToolResult> Suspend(
        [Description("Kustomizations to suspend (default: every one of the tree)")] string[]? names = null,
        CancellationToken cancellationToken = default) =>
        RunAsync("flux suspend", "suspended", (workspace, environment, options) => FluxSuspendService.SuspendAsync(workspace, environment, options, names ?? [], cancellationToken), waitMinutes: 15);

    [McpServerTool(Name = "flux_resume", Title = "Resume Flux Kustomizations", ReadOnly = false, Destructive = true, Idempotent = true, OpenWorld = true)]
    [Description("Resume the tree's Flux Kustomizations (or the named ones) in dependency order, one depth at a time, each Ready before the next, as `homeops flux resume`. Uses the kubeconfig the bootstrap wrote. Changes the cluster.")]
    public Task<CallToolResult> Resume(
        [Description("Kustomizations to resume (default: every one of the tree)")] string[]? names = null,
        [Description("Minutes each depth may take to become Ready (1-60)")] int waitMinutes = 15,
        CancellationToken cancellationToken = default) =>
        RunAsync("flux resume", "every Kustomization resumed and Ready", (workspace, environment, options) => FluxSuspendService.ResumeAsync(workspace, environment, options, names ?? [], cancellationToken), waitMinutes);

    private async Task<CallToolResult> RunAsync(string name, string done, Func<Operations.Workspace, BootstrapEnvironment, BootstrapOptions, Task<IReadOnlyList<Core.Diagnostics.Diagnostic>>> run, int waitMinutes)
    {
        var workspace = context.Workspace();
        using var progress = new StringWriter();
        var environment = new BootstrapEnvironment(context.Commands, new KubeClientFactory(context.Time, context.KubeRewrite), context.Time, new TextBootstrapProgress(progress, dryRun: false))
        {
            CheckRunner = context.Tools,
            OnePasswordProgram = context.OnePasswordProgram,
            Variables = context.Environment,
        };
        var options = new BootstrapOptions { WaitTimeout = TimeSpan.FromMinutes(Math.Clamp(waitMinutes, 1, 60)) };
        var diagnostics = await run(workspace, environment, options).ConfigureAwait(false);
        return diagnostics.Any(d => d.IsError)
            ? ToolOutput.Error(progress + ToolOutput.Diagnostics(workspace, diagnostics, $"{name}: stopped"))
            : ToolOutput.Text(progress + $"{name}: {done}\n");
    }
}
