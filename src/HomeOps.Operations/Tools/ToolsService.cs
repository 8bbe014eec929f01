using HomeOps.Core.Diagnostics;
using HomeOps.Core.Workstation;
using HomeOps.Runtime.OnePassword;
using HomeOps.Runtime.Processes;
using HomeOps.Runtime.Tools;

namespace HomeOps.Operations.Tools;

/// <summary>An external program HomeOps's commands run: how to ask its version, what pins it, who needs it.</summary>
/// <param name="MiseKey">Its key in .mise.toml's [tools], or null when the repository does not pin it.</param>
/// <param name="Major">The one major version that works (helm 3, op 2), or null for any.</param>
/// <param name="Optional">No homeops command runs it; it is only handy next to them.</param>
public sealed record WorkstationTool(string Program, string? MiseKey, CommandSpec Version, string NeededFor, string Install, int? Major = null, bool Optional = false);

/// <summary>One program as `homeops tools` found it: where, which version, and what is wrong with it, if anything.</summary>
public sealed record ToolReport(WorkstationTool Tool, ToolLocation? Location, Version? Version, string? Pinned, Diagnostic? Problem);

/// <summary>
/// `homeops tools`: every program the commands need, found where <see cref="ToolLocator"/> finds it for every
/// command (PATH, mise's shims, the repository's .tools/bin), its version asked from that very file and compared with
/// .mise.toml's pin. The version commands are the ones preflight and the facades use.
/// </summary>
public static class ToolsService
{
    public static readonly IReadOnlyList<WorkstationTool> All =
    [
        new("kubectl", "kubectl", KustomizeTool.VersionSpec("kubectl"), "check and validate (kubectl kustomize), status",
            "mise install kubectl, or https://kubernetes.io/docs/tasks/tools/"),
        new(Helm.Program, "helm", Helm.Version(), "validate (helm template), bootstrap (the core charts)",
            "mise install helm (helm 3; helm 4 is not supported), or scripts/install-test-dependencies.sh into .tools/bin", Major: 3),
        new(Talosctl.Program, "aqua:siderolabs/talos", Talosctl.ClientVersion(), "bootstrap, talos apply|upgrade|reboot, cluster reset",
            "mise install aqua:siderolabs/talos, or https://www.talos.dev/latest/talos-guides/install/talosctl/"),
        new("op", "aqua:1password/cli", OnePasswordCli.VersionSpec("op"), "bootstrap (1Password Connect secrets), talos secrets --store",
            "mise install aqua:1password/cli, or https://developer.1password.com/docs/cli/get-started/", Major: 2),
        new("git", null, new CommandSpec("git", ["--version"]) { Timeout = TimeSpan.FromSeconds(30) }, "diff --base, talos secrets (git check-ignore), Flux",
            "your system's package manager (apt install git, brew install git)"),
        new("flux", "aqua:fluxcd/flux2", new CommandSpec("flux", ["version", "--client"]) { Timeout = TimeSpan.FromSeconds(30) }, "no homeops command; flux get and flux logs next to homeops status",
            "mise install aqua:fluxcd/flux2, or https://fluxcd.io/flux/installation/#install-the-flux-cli", Optional: true),
    ];

    /// <param name="locate">Finds a program (the CLI passes <see cref="ToolLocator.Locate"/> over the user's PATH).</param>
    /// <param name="miseToml">The text of the repository's .mise.toml, or null when it has none.</param>
    public static async Task<IReadOnlyList<ToolReport>> InspectAsync(ICommandRunner runner, Func<string, ToolLocation?> locate, string? miseToml, CancellationToken cancellationToken)
    {
        var pins = miseToml is null ? new Dictionary<string, string>() : MiseToolPins.Parse(miseToml);
        var reports = new List<ToolReport>();
        foreach (var tool in All)
        {
            var pinned = tool.MiseKey is not null && pins.TryGetValue(tool.MiseKey, out var pin) ? pin : null;
            var location = locate(tool.Program);
            if (location is null)
            {
                var missing = tool.Optional ? DiagnosticCatalog.ToolOptionalMissing : DiagnosticCatalog.ToolMissing;
                reports.Add(new ToolReport(tool, null, null, pinned, missing.At(SourceSpan.File(tool.Program), tool.Program, tool.NeededFor, "Install it: " + tool.Install)));
                continue;
            }

            var version = await VersionAsync(runner, tool.Version with { Program = location.Path }, cancellationToken).ConfigureAwait(false);
            reports.Add(new ToolReport(tool, location, version, pinned, Judge(tool, version, pinned)));
        }

        return reports;
    }

    private static async Task<Version?> VersionAsync(ICommandRunner runner, CommandSpec spec, CancellationToken cancellationToken)
    {
        try
        {
            var result = await runner.RunAsync(spec, cancellationToken).ConfigureAwait(false);
            return result.Succeeded ? ToolVersions.Parse(result.StandardOutput + result.StandardError) : null;
        }
        catch (Exception e) when (e is ToolNotFoundException or CommandTimeoutException)
        {
            return null;
        }
    }

    private static Diagnostic? Judge(WorkstationTool tool, Version? version, string? pinned)
    {
        var where = SourceSpan.File(tool.Program);
        if (version is null || (tool.Major is { } major && version.Major != major))
        {
            var wanted = tool.Major is { } m ? $"{tool.Program} {m}.x" : "a version it can report";
            return DiagnosticCatalog.ToolVersionUnsupported.At(where, tool.Program, version?.ToString() ?? "unknown", wanted);
        }

        return pinned is not null && !MiseToolPins.SameRelease(version, pinned)
            ? DiagnosticCatalog.ToolVersionNotPinned.At(where, tool.Program, version, pinned)
            : null;
    }
}
