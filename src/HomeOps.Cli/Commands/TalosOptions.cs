using HomeOps.Core.ClusterConfig;
using HomeOps.Core.Diagnostics;
using HomeOps.Operations.Config;
using HomeOps.Operations.Talos;
using HomeOps.Runtime.OnePassword;

namespace HomeOps.Cli.Commands;

/// <summary>Options and plumbing the `homeops talos` commands share.</summary>
internal static class TalosOptions
{
    public static Option<string?> From() => new("--from")
    {
        Description = $"Where the secrets bundle is: a file (default {TalosSecretsService.DefaultBundlePath}; talosctl and talhelper bundles work) or 'op' for the 1Password item",
    };

    public static Option<string?> Output() => new("--out", "-o")
    {
        Description = $"Folder of the rendered configs (default {TalosService.DefaultOutput}, git-ignored)",
    };

    public static Option<string?> Node() => new("--node") { Description = "Only this node" };

    /// <summary>The workspace and checked cluster.yaml, or null after printing why not.</summary>
    public static (Workspace Workspace, ClusterDefinition Config)? LoadConfig(CliContext context, string? file, OutputFormat format)
    {
        var workspace = Workspace.Locate(context.Files, context.WorkingDirectory, file);
        var result = ClusterConfigService.Load(workspace);
        if (result.Config is null)
        {
            DiagnosticPrinter.Print(context, workspace, format, result.Diagnostics);
            return null;
        }

        return (workspace, result.Config);
    }

    public static TalosSecretsService Secrets(CliContext context, Workspace workspace, ClusterDefinition config) =>
        new(workspace, config, new OnePasswordCli(context.Commands, context.OnePasswordProgram));

    /// <summary>
    /// cluster.yaml, then the secrets bundle, then the render (TalosService.RunAsync), for the commands that need
    /// secrets. Null after printing why it could not run (exit code 1).
    /// </summary>
    public static async Task<TalosCommandRun?> RenderWithSecretsAsync(CliContext context, ParseResult parse, Option<string?> file, Option<OutputFormat> format, Option<string?> from, CancellationToken cancellationToken)
    {
        if (LoadConfig(context, parse.GetValue(file), parse.GetValue(format)) is not var (workspace, config))
        {
            return null;
        }

        var diagnostics = new DiagnosticBag();
        var service = new TalosService(workspace, config);
        var run = await service.RunAsync(Secrets(context, workspace, config), parse.GetValue(from), requireSecrets: true, context.Time.GetUtcNow(), diagnostics, cancellationToken).ConfigureAwait(false);
        if (run is null)
        {
            Finish(context, workspace, parse.GetValue(format), diagnostics);
            return null;
        }

        return new TalosCommandRun(workspace, service, run.Result, diagnostics);
    }

    /// <summary>Prints diagnostics and returns the exit code they imply.</summary>
    public static int Finish(CliContext context, Workspace workspace, OutputFormat format, DiagnosticBag diagnostics)
    {
        DiagnosticPrinter.Print(context, workspace, format, diagnostics.Sorted());
        return ExitCodeFor.Diagnostics(diagnostics.Items);
    }
}

/// <summary>What <see cref="TalosOptions.RenderWithSecretsAsync"/> hands a command: where, the service, the render and its diagnostics.</summary>
internal sealed record TalosCommandRun(Workspace Workspace, TalosService Service, Core.Talos.Rendering.TalosRenderResult Result, DiagnosticBag Diagnostics);
