using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace HomeOps.Mcp.Tests;

/// <summary>
/// The built `homeops` program started as `homeops mcp ...` by the SDK's own stdio client, as an assistant starts it
/// from .mcp.json. The apphost comes from HomeOps.Cli's build output (this project references it).
/// </summary>
internal static class McpProcess
{
    public static string Program => Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "homeops.exe" : "homeops");

    public static async Task<McpClient> StartAsync(string workingDirectory, IReadOnlyList<string>? arguments = null, IDictionary<string, string?>? environment = null)
    {
        var transport = new StdioClientTransport(new StdioClientTransportOptions
        {
            Name = "homeops",
            Command = Program,
            Arguments = ["mcp", .. arguments ?? []],
            WorkingDirectory = workingDirectory,
            EnvironmentVariables = environment ?? new Dictionary<string, string?>(),
        });
        return await McpClient.CreateAsync(transport, cancellationToken: TestContext.Current.CancellationToken);
    }

    public static string Text(CallToolResult result) => string.Concat(result.Content.OfType<TextContentBlock>().Select(t => t.Text));
}
