using HomeOps.Mcp;
using Microsoft.Extensions.Logging;

namespace HomeOps.Cli.Commands;

/// <summary>`homeops mcp`: the MCP server for an assistant, over standard input and output (docs/mcp.md).</summary>
internal static class McpCommand
{
    public static Command Create(CliContext context)
    {
        var file = CommonOptions.ClusterFile();
        var allowWrite = new Option<bool>("--allow-write") { Description = "Also offer the tools that change the cluster: Flux reconcile, suspend and resume (marked destructive)" };
        var kubeconfig = ClusterOptions.Kubeconfig();
        var command = new Command("mcp", "Serve the repository and the cluster to an assistant over MCP (stdio): offline checks, read-only cluster tools, secrets masked in every result")
        {
            file, allowWrite, kubeconfig,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var mcp = new McpContext(context.WorkingDirectory, context.Files, context.Time, context.Tools, context.Commands)
            {
                ClusterFile = parse.GetValue(file),
                AllowWrite = parse.GetValue(allowWrite),
                Kubeconfig = parse.GetValue(kubeconfig),
                Environment = context.Environment,
                KubeRewrite = context.KubeRewrite,
                OnePasswordProgram = context.OnePasswordProgram,
                Version = Output.DiagnosticPrinter.ToolVersion,
                KnownSecrets = [.. McpContext.SecretEnvironmentVariables.Select(context.Environment).OfType<string>()],
            };
            var level = context.Environment("HOMEOPS_DEBUG") is "1" ? LogLevel.Debug : LogLevel.Warning;
            return await HomeOpsMcpServer.RunStdioAsync(mcp, level, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }
}
