using HomeOps.Mcp.Masking;
using HomeOps.Mcp.Tools;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Protocol;

namespace HomeOps.Mcp;

/// <summary>
/// `homeops mcp`: the MCP server over standard input and output. Standard output carries the protocol and nothing
/// else; logs go to standard error. The write tools exist only when <see cref="McpContext.AllowWrite"/> is set.
/// </summary>
public static class HomeOpsMcpServer
{
    public const string Name = "homeops";

    /// <summary>Serves on the process's standard input and output until the client closes them.</summary>
    public static async Task<int> RunStdioAsync(McpContext context, LogLevel logLevel, CancellationToken cancellationToken)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace).SetMinimumLevel(logLevel);
        builder.Services.Configure<ConsoleLifetimeOptions>(o => o.SuppressStatusMessages = true);
        AddServer(builder.Services, context).WithStdioServerTransport();
        using var host = builder.Build();
        await host.RunAsync(cancellationToken).ConfigureAwait(false);
        return 0;
    }

    /// <summary>The server with its tools and filters, without a transport (the stdio host and the tests add theirs).</summary>
    public static IMcpServerBuilder AddServer(IServiceCollection services, McpContext context)
    {
        services.AddSingleton(context);
        var server = services
            .AddMcpServer(o =>
            {
                o.ServerInfo = new Implementation { Name = Name, Version = context.Version };
                o.ServerInstructions = Instructions(context);
            })
            .WithRequestFilters(filters =>
            {
                // Added first, so it wraps the argument check and the tool: every answer is masked.
                filters.AddCallToolFilter(ResultMasking.Filter(context));
                filters.AddCallToolFilter(ArgumentCheck.Filter());
            })
            .WithTools<RepositoryTools>()
            .WithTools<ClusterTools>();
        return context.AllowWrite ? server.WithTools<FluxWriteTools>() : server;
    }

    private static string Instructions(McpContext context) =>
        "HomeOps: the repository's cluster.yaml, GitOps tree and Talos configs, checked offline" +
        (context.AllowWrite ? ", and the running cluster (read, and Flux reconcile/suspend/resume)." : ", and the running cluster, read-only.") +
        " Every result has secrets masked as ***.";
}
