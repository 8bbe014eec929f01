using HomeOps.Operations;
using HomeOps.Runtime.Files;
using HomeOps.Runtime.Processes;

namespace HomeOps.Mcp;

/// <summary>
/// Everything the MCP tools touch outside their arguments, handed over by the composition root (`homeops mcp` in
/// HomeOps.Cli, or a test): the repository folder, the file system, the clock and the program runners.
/// </summary>
public sealed record McpContext(string WorkingDirectory, IFileSystem Files, TimeProvider Time, ICommandRunner Tools, ICommandRunner Commands)
{
    /// <summary>cluster.yaml when not found from <see cref="WorkingDirectory"/> upwards (homeops mcp --file).</summary>
    public string? ClusterFile { get; init; }

    /// <summary>Whether the write tools (reconcile, suspend, resume) are offered (homeops mcp --allow-write).</summary>
    public bool AllowWrite { get; init; }

    /// <summary>The kubeconfig of the live tools from --kubeconfig; null: found as `homeops status` finds it.</summary>
    public string? Kubeconfig { get; init; }

    /// <summary>Environment variables (KUBECONFIG, HOME) for finding the kubeconfig; tests pass their own.</summary>
    public Func<string, string?> Environment { get; init; } = _ => null;

    /// <summary>Rewrites Kubernetes API addresses before connecting; tests send them to the fake API server.</summary>
    public Func<Uri, Uri>? KubeRewrite { get; init; }

    /// <summary>The 1Password CLI program, as in the CLI (the bootstrap plan names it).</summary>
    public string OnePasswordProgram { get; init; } = "op";

    /// <summary>
    /// Secret values known when the server starts (1Password tokens from the environment): masked wherever they appear
    /// in a result, whatever surrounds them.
    /// </summary>
    public IReadOnlyList<string> KnownSecrets { get; init; } = [];

    /// <summary>The version the server reports to clients (the CLI's).</summary>
    public string Version { get; init; } = "0.0.0";

    public Workspace Workspace() => Operations.Workspace.Locate(Files, WorkingDirectory, ClusterFile);

    /// <summary>The environment variables whose values are 1Password credentials (Connect and service-account tokens).</summary>
    public static IReadOnlyList<string> SecretEnvironmentVariables { get; } = ["OP_CONNECT_TOKEN", "OP_SERVICE_ACCOUNT_TOKEN"];
}
