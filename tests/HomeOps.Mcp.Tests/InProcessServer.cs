using System.IO.Pipelines;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace HomeOps.Mcp.Tests;

/// <summary>
/// The server as `homeops mcp` composes it (<see cref="HomeOpsMcpServer.AddServer"/>: the same tools and filters),
/// over in-memory pipes instead of standard input and output, with the SDK's client on the other end. Tests choose
/// the context (a fake API server's kubeconfig) and may add a tool of their own.
/// </summary>
internal sealed class InProcessServer : IAsyncDisposable
{
    private readonly IHost _host;

    private InProcessServer(IHost host, McpClient client)
    {
        _host = host;
        Client = client;
    }

    public McpClient Client { get; }

    public static async Task<InProcessServer> StartAsync(McpContext context, Action<IMcpServerBuilder>? extend = null)
    {
        var toServer = new Pipe();
        var toClient = new Pipe();
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        var server = HomeOpsMcpServer.AddServer(builder.Services, context).WithStreamServerTransport(toServer.Reader.AsStream(), toClient.Writer.AsStream());
        extend?.Invoke(server);
        var host = builder.Build();
        await host.StartAsync(TestContext.Current.CancellationToken);
        var client = await McpClient.CreateAsync(new StreamClientTransport(toServer.Writer.AsStream(), toClient.Reader.AsStream()), cancellationToken: TestContext.Current.CancellationToken);
        return new InProcessServer(host, client);
    }

    public async Task<CallToolResult> CallAsync(string tool, Dictionary<string, object?>? arguments = null) =>
        await Client.CallToolAsync(tool, arguments ?? [], cancellationToken: TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        await Client.DisposeAsync();
        await _host.StopAsync(CancellationToken.None);
        _host.Dispose();
    }
}
