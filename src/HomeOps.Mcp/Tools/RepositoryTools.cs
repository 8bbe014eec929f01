using System.ComponentModel;
using HomeOps.Core.Diagnostics;
using HomeOps.Core.GitOps.Output;
using HomeOps.Core.Talos.Documents;
using HomeOps.Operations.Bootstrap;
using HomeOps.Operations.Config;
using HomeOps.Operations.Docs;
using HomeOps.Operations.GitOps;
using HomeOps.Operations.Talos;
using HomeOps.Runtime.Kubernetes;
using HomeOps.Runtime.OnePassword;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace HomeOps.Mcp.Tools;

/// <summary>
/// The offline tools: the same Operations workflows as `homeops config validate`, `validate`, `diff`, `graph`,
/// `talos validate` and `bootstrap --dry-run`, over the repository the server was started in. None needs a cluster.
/// </summary>
[McpServerToolType]
internal sealed class RepositoryTools(McpContext context)
{
    [McpServerTool(Name = "config_validate", Title = "Check cluster.yaml", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = false)]
    [Description("Check cluster.yaml (as `homeops config validate`): YAML syntax, keys, types, formats and what the values mean together. Returns every diagnostic with its code, location, source line and hint.")]
    public CallToolResult ConfigValidate(
        [Description("cluster.yaml to check, relative to the repository root (default: the repository's cluster.yaml)")] string? file = null)
    {
        var workspace = context.Workspace();
        if (file is not null)
        {
            workspace = Operations.Workspace.Locate(context.Files, context.WorkingDirectory, workspace.PathOf(ToolInput.InsideRepository(workspace, "file", file)));
        }

        var result = ClusterConfigService.Load(workspace);
        var verdict = result.HasErrors ? "invalid" : "valid";
        return ToolOutput.Text(ToolOutput.Diagnostics(workspace, result.Diagnostics, $"{workspace.Display(workspace.ClusterFile)}: {verdict}"));
    }

    [McpServerTool(Name = "validate", Title = "Validate the GitOps tree", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = true)]
    [Description("Build and check the whole GitOps tree offline (as `homeops validate`): kustomize, Flux substitution, Helm charts, schemas and every rule of docs/rules.md. Can take a minute on a full tree.")]
    public async Task<CallToolResult> Validate(
        [Description("Report only the diagnostics of files under this folder, relative to the repository root (e.g. apps/home-automation); the whole tree is still built, as Flux would")] string? under = null,
        [Description("The Flux entry folder, relative to the repository root (default: gitops.path in cluster.yaml)")] string? path = null,
        [Description("Fetch nothing: Helm charts not already in the cache are not rendered (reported)")] bool offline = false,
        [Description("The Kubernetes version the cluster runs, e.g. v1.31.1 (default: cluster.yaml)")] string? kubernetesVersion = null,
        [Description("Report only the diagnostics about files that differ from `base` (staged, unstaged or untracked) and the Kustomizations they feed, as `homeops validate --changed-only`; the whole tree is still validated, and the rest is counted")] bool changedOnly = false,
        [Description("With changedOnly: the git revision to compare the working tree with (branch, tag or commit; default HEAD)")] string? @base = null,
        CancellationToken cancellationToken = default)
    {
        var workspace = context.Workspace();
        var prefix = under is null ? null : ToolInput.InsideRepository(workspace, "under", under);
        if (@base is not null && !changedOnly)
        {
            throw ToolInput.Invalid("Argument 'base' needs changedOnly: true");
        }

        var options = new ValidateOptions
        {
            Offline = offline,
            EntryPath = path is null ? null : ToolInput.InsideRepository(workspace, "path", path),
            KubernetesVersion = kubernetesVersion,
        };
        IReadOnlyList<Diagnostic> all;
        string summary;
        if (changedOnly)
        {
            var changed = await new ChangedValidateService(context.Tools, context.Time).RunAsync(workspace, options, @base ?? "HEAD", cancellationToken).ConfigureAwait(false);
            (all, summary) = (changed.Diagnostics, $"validate --changed-only: {changed.Summary()}");
        }
        else
        {
            var result = await new ValidateService(context.Tools, context.Time).RunAsync(workspace, options, cancellationToken).ConfigureAwait(false);
            (all, summary) = (result.Diagnostics, $"validate: {result.Summary()}");
        }

        var diagnostics = prefix is null ? all : [.. all.Where(d => IsUnder(workspace, d, prefix))];
        var scope = prefix is null ? string.Empty : $" ({diagnostics.Count} of {all.Count} diagnostic(s) under {prefix})";
        return ToolOutput.Text(ToolOutput.Diagnostics(workspace, diagnostics, $"{summary}{scope}"));
    }

    [McpServerTool(Name = "diff", Title = "Diff the tree between revisions", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = true)]
    [Description("What changes in the cluster between a git revision and the working tree (as `homeops diff`), per rendered object, grouped by Kustomization and HelmRelease. Secret values are masked.")]
    public async Task<CallToolResult> Diff(
        [Description("The git revision to compare with: branch, tag or commit")] string @base = "HEAD",
        [Description("Render and compare only Kustomizations whose inputs changed")] bool changedOnly = false,
        [Description("The Flux entry folder, relative to the repository root (default: gitops.path in cluster.yaml)")] string? path = null,
        [Description("Fetch nothing: Helm charts not already in the cache are not rendered (reported)")] bool offline = false,
        [Description("Cut the output at this many bytes")] int limitBytes = 60000,
        CancellationToken cancellationToken = default)
    {
        var workspace = context.Workspace();
        var options = new DiffOptions
        {
            Base = @base,
            ChangedOnly = changedOnly,
            Render = new ValidateOptions { Offline = offline, EntryPath = path is null ? null : ToolInput.InsideRepository(workspace, "path", path), RenderOnly = true },
        };
        var result = await new DiffService(context.Tools, context.Time).RunAsync(workspace, options, cancellationToken).ConfigureAwait(false);
        var text = DiffWriter.Write(result.Changes, result.BaseLabel, result.HeadLabel, markdown: false, limitBytes);
        return result.Diagnostics.Count == 0 ? ToolOutput.Text(text) : ToolOutput.Text(text + "\n" + ToolOutput.Diagnostics(workspace, result.Diagnostics, "diff"));
    }

    [McpServerTool(Name = "graph", Title = "Dependency graph", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = true)]
    [Description("The dependency graph of the GitOps tree (as `homeops graph`): every Kustomization and HelmRelease with its depth and what it waits on.")]
    public async Task<CallToolResult> Graph(
        [Description("text, mermaid or dot")] string format = "text",
        [Description("The Flux entry folder, relative to the repository root (default: gitops.path in cluster.yaml)")] string? path = null,
        CancellationToken cancellationToken = default)
    {
        ToolInput.OneOf("format", format, "text", "mermaid", "dot");
        var workspace = context.Workspace();
        var service = new GraphService(context.Tools, context.Time);
        var options = new ValidateOptions { EntryPath = path is null ? null : ToolInput.InsideRepository(workspace, "path", path) };
        var (graph, diagnostics) = await service.RunAsync(workspace, options, cancellationToken).ConfigureAwait(false);
        var problems = diagnostics.Count == 0 ? string.Empty : "\n" + ToolOutput.Diagnostics(workspace, diagnostics, "graph");
        if (graph is null)
        {
            return ToolOutput.Error($"The tree could not be built, so there is no graph.{problems}");
        }

        var drawing = await service.DrawAsync(graph, format, cancellationToken).ConfigureAwait(false);
        return ToolOutput.Text(drawing.Text + problems);
    }

    [McpServerTool(Name = "talos_render", Title = "Talos machine configs (redacted)", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = false)]
    [Description("Every node's Talos machine config as `homeops talos render` would write it, from cluster.yaml and talos/patches, with each secret shown as <secret:NAME>, and the diagnostics of `homeops talos validate`. Reads no secrets bundle.")]
    public async Task<CallToolResult> TalosRender(
        [Description("Only this node (default: every node)")] string? node = null,
        CancellationToken cancellationToken = default)
    {
        var workspace = context.Workspace();
        var config = ClusterConfigService.Load(workspace);
        if (config.Config is null)
        {
            return ToolOutput.Error(ToolOutput.Diagnostics(workspace, config.Diagnostics, "talos render: cluster.yaml has errors"));
        }

        var diagnostics = new DiagnosticBag();
        var secrets = new TalosSecretsService(workspace, config.Config, new OnePasswordCli(context.Commands, context.OnePasswordProgram));
        var run = await new TalosService(workspace, config.Config).RunAsync(secrets, from: null, requireSecrets: false, context.Time.GetUtcNow(), diagnostics, cancellationToken).ConfigureAwait(false);
        var nodes = run!.Result.Nodes.Where(n => node is null || n.Node.Name == node).ToList();
        if (node is not null && nodes.Count == 0)
        {
            throw ToolInput.Invalid($"Argument 'node' names no node of cluster.yaml: '{node}' (nodes: {string.Join(", ", run.Result.Nodes.Select(n => n.Node.Name))})");
        }

        var text = string.Concat(nodes.Select(n => $"# {n.FileName}\n{n.Yaml(SecretHandling.Redact)}\n"));
        return ToolOutput.Text(text + ToolOutput.Diagnostics(workspace, diagnostics.Sorted(), $"talos render: {nodes.Count} node(s), secrets redacted"));
    }

    [McpServerTool(Name = "bootstrap_plan", Title = "Bootstrap plan (dry run)", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = false)]
    [Description("The bootstrap's steps in order with the exact commands each would run, secrets redacted (as `homeops bootstrap --dry-run`). Changes nothing.")]
    public async Task<CallToolResult> BootstrapPlan(
        [Description("Start at this step")] string? from = null,
        [Description("Only this step")] string? only = null,
        CancellationToken cancellationToken = default)
    {
        var workspace = context.Workspace();
        using var plan = new StringWriter();
        var environment = new BootstrapEnvironment(context.Commands, new KubeClientFactory(context.Time, context.KubeRewrite), context.Time, new TextBootstrapProgress(plan, dryRun: true))
        {
            CheckRunner = context.Tools,
            OnePasswordProgram = context.OnePasswordProgram,
        };
        var diagnostics = await BootstrapService.RunAsync(workspace, environment, new BootstrapOptions { DryRun = true, From = from, Only = only }, cancellationToken).ConfigureAwait(false);
        return diagnostics.Any(d => d.IsError)
            ? ToolOutput.Error(plan + ToolOutput.Diagnostics(workspace, diagnostics, "bootstrap plan: stopped"))
            : ToolOutput.Text(plan + (diagnostics.Count > 0 ? ToolOutput.Diagnostics(workspace, diagnostics, "bootstrap plan") : string.Empty));
    }

    [McpServerTool(Name = "diagnostic_docs", Title = "Explain a diagnostic code", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = false)]
    [Description("What a HomeOps diagnostic code means and how to fix it: its entry in docs/diagnostics.md and, for a validate rule, its section of docs/rules.md with an example.")]
    public CallToolResult DiagnosticDocs(
        [Description("The code, e.g. HO3001, or its name, e.g. kustomize-build-failed")] string code)
    {
        var result = Operations.Docs.DiagnosticDocs.Describe(context.Workspace(), code);
        return result.Text is { } text
            ? ToolOutput.Text(text)
            : ToolOutput.Error($"No diagnostic has the code or name '{code}'.{(result.Suggestion is { } s ? $" Did you mean '{s}'?" : string.Empty)}");
    }

    private static bool IsUnder(Operations.Workspace workspace, Diagnostic diagnostic, string prefix)
    {
        var full = Path.GetFullPath(diagnostic.Location.Path, workspace.DisplayBase);
        var relative = Path.GetRelativePath(workspace.Root, full).Replace(Path.DirectorySeparatorChar, '/');
        return prefix.Length == 0 || relative == prefix || relative.StartsWith(prefix.TrimEnd('/') + "/", StringComparison.Ordinal);
    }
}
