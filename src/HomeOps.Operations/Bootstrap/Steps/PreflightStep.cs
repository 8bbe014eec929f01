using HomeOps.Core.Diagnostics;
using HomeOps.Operations.Checks;
using HomeOps.Runtime.Processes;
using HomeOps.Runtime.OnePassword;
using HomeOps.Runtime.Tools;

namespace HomeOps.Operations.Bootstrap.Steps;

/// <summary>
/// Before anything changes: the tools are installed at usable versions, cluster.yaml and the tree pass every
/// offline check, and every node answers on the Talos API (in maintenance
/// mode or already configured). Always runs, and reports every problem it finds at once.
/// </summary>
public sealed class PreflightStep : BootstrapStep
{
    public const string StepName = "preflight";

    public override string Name => StepName;

    public override string Description => "tools, cluster.yaml and tree valid, nodes reachable";

    public override bool AlwaysRuns => true;

    public override Task<bool> IsDoneAsync(BootstrapContext context, CancellationToken cancellationToken) => Task.FromResult(false);

    public override async Task RunAsync(BootstrapContext context, CancellationToken cancellationToken)
    {
        var problems = new List<Diagnostic>();
        var checks = OfflineChecks.Default(context.Environment.CheckRunner, context.Time, new GitOps.ValidateOptions { Offline = true });
        var outcomes = await checks.RunAsync(context.Workspace, null, cancellationToken).ConfigureAwait(false);
        var errors = outcomes.SelectMany(o => o.Diagnostics).Where(d => d.IsError).ToList();
        if (errors.Count > 0)
        {
            problems.AddRange(errors);
            problems.Add(DiagnosticCatalog.BootstrapInputInvalid.At(context.Location, errors.Count));
        }

        // `homeops check` skips the tree without kustomize; a bootstrap must not start on a tree nobody checked.
        if (new KustomizeTool(context.Environment.CheckRunner).Program is null)
        {
            problems.Add(DiagnosticCatalog.ToolNotFound.At(context.Location, "kubectl (or kustomize)", "to check the GitOps tree before the bootstrap"));
        }

        var talosMinimum = Core.ClusterConfig.TalosCompatibility.TryParse(context.Cluster.Cluster.TalosVersion, out var major, out var minor) ? new Version(major, minor) : new Version(1, 0);
        await CheckToolAsync(context, Talosctl.ClientVersion(), talosMinimum, $"v{talosMinimum.Major}.{talosMinimum.Minor} or newer (the cluster runs Talos {context.Cluster.Cluster.TalosVersion})", problems, cancellationToken).ConfigureAwait(false);
        await CheckToolAsync(context, Helm.Version(), new Version(3, 0), "helm 3", problems, cancellationToken, maxMajor: 3).ConfigureAwait(false);
        await CheckToolAsync(context, OnePasswordCli.VersionSpec(context.Environment.OnePasswordProgram), new Version(2, 0), "op 2 or newer", problems, cancellationToken).ConfigureAwait(false);
        if (!problems.Any(p => p.Code == DiagnosticCatalog.ToolNotFound.Code && p.Message.StartsWith("'talosctl'", StringComparison.Ordinal)))
        {
            foreach (var node in context.Cluster.Nodes)
            {
                var state = await NodeProbe.ProbeAsync(context, node.Address.ToString(), cancellationToken).ConfigureAwait(false);
                context.Detail($"{node.Name} ({node.Address}): {state.Describe()}");
                if (state.Kind == NodeProbe.Reachability.Unreachable)
                {
                    problems.Add(DiagnosticCatalog.NodeUnreachable.At(context.Location, node.Name, node.Address, state.Error));
                }
            }
        }

        if (problems.Count > 0)
        {
            throw new BootstrapStepException(problems);
        }
    }

    private static async Task CheckToolAsync(BootstrapContext context, CommandSpec spec, Version minimum, string wanted, List<Diagnostic> problems, CancellationToken cancellationToken, int? maxMajor = null)
    {
        try
        {
            var result = await context.RunAsync(spec, cancellationToken).ConfigureAwait(false);
            var version = ToolVersions.Parse(result.StandardOutput + result.StandardError);
            if (!result.Succeeded || version is null || version < minimum || (maxMajor is { } max && version.Major > max))
            {
                problems.Add(DiagnosticCatalog.ToolVersionUnsupported.At(context.Location, spec.Program, version?.ToString() ?? "unknown", wanted));
            }
        }
        catch (BootstrapStepException e)
        {
            problems.AddRange(e.Diagnostics);
        }
    }

    public override IEnumerable<string> Plan(BootstrapContext context)
    {
        yield return "homeops check (cluster.yaml and the GitOps tree)";
        yield return Talosctl.ClientVersion().Display();
        yield return Helm.Version().Display();
        yield return OnePasswordCli.VersionSpec(context.Environment.OnePasswordProgram).Display();
        foreach (var node in context.Cluster.Nodes)
        {
            yield return Talosctl.MachineStatus(node.Address.ToString(), null).Display();
        }
    }
}
