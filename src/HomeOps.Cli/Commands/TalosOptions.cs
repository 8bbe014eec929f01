using System.CommandLine;
using HomeOps.Cli.Rendering;
using HomeOps.Core.ClusterConfig;
using HomeOps.Core.Diagnostics;
using HomeOps.Core.Diagnostics.Output;
using HomeOps.Operations;
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

    /// <summary>Prints diagnostics and returns the exit code they imply.</summary>
    public static int Finish(CliContext context, Workspace workspace, OutputFormat format, DiagnosticBag diagnostics)
    {
        DiagnosticPrinter.Print(context, workspace, format, diagnostics.Sorted());
        return ExitCodeFor.Diagnostics(diagnostics.Items);
    }
}
