using HomeOps.Runtime.Processes;

namespace HomeOps.Runtime.Tools;

/// <summary>
/// kustomize builds: the standalone <c>kustomize</c> when it is on PATH, else <c>kubectl kustomize</c> (kubectl embeds
/// kustomize). Loads are unrestricted, as kustomize-controller builds them (LoadRestrictionsNone).
/// </summary>
public sealed class KustomizeTool(ICommandRunner runner, string? pathVariable = null)
{
    private readonly Lazy<string?> _program = new(() =>
        ToolLocator.Find("kustomize", pathVariable) is not null ? "kustomize" : ToolLocator.Find("kubectl", pathVariable) is not null ? "kubectl" : null);

    /// <summary>The program that will run, or null when neither is installed.</summary>
    public string? Program => _program.Value;

    public static CommandSpec BuildSpec(string program, string directory) =>
        program == "kustomize"
            ? new CommandSpec("kustomize", ["build", "--load-restrictor", "LoadRestrictionsNone", directory]) { Timeout = TimeSpan.FromMinutes(2) }
            : new CommandSpec(program, ["kustomize", "--load-restrictor", "LoadRestrictionsNone", directory]) { Timeout = TimeSpan.FromMinutes(2) };

    public static CommandSpec VersionSpec(string program) =>
        program == "kustomize" ? new CommandSpec("kustomize", ["version"]) : new CommandSpec(program, ["version", "--client"]);

    public Task<CommandResult> BuildAsync(string directory, CancellationToken cancellationToken) =>
        runner.RunAsync(BuildSpec(Program ?? throw new ToolNotFoundException("kubectl"), directory), cancellationToken);

    /// <summary>The tool's version text (part of the build cache key: another kustomize may render differently).</summary>
    public async Task<string> VersionAsync(CancellationToken cancellationToken)
    {
        var result = await runner.RunAsync(VersionSpec(Program ?? throw new ToolNotFoundException("kubectl")), cancellationToken).ConfigureAwait(false);
        return result.StandardOutput.Trim();
    }
}
