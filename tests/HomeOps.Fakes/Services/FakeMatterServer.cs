using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace HomeOps.Fakes.Services;

/// <summary>
/// python-matter-server 8.0.0's WebSocket endpoint (/ws on 127.0.0.1): on every connection it sends the
/// ServerInfoMessage first, unasked (matter_server/server/client_handler.py:90-91), with the fields of
/// matter_server/common/models.py:163-174 and schema_version 11 (common/const.py:5). <see cref="Silent"/> models a
/// server still starting (accepts the WebSocket, sends nothing). Does not model: commands, events, nodes.
/// </summary>
public sealed class FakeMatterServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeMatterServer(WebApplication app, int port)
    {
        _app = app;
        Port = port;
    }

    public int Port { get; }

    /// <summary>When true the server accepts connections and never sends its info.</summary>
    public bool Silent { get; set; }

    public static async Task<FakeMatterServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        FakeMatterServer? server = null;
        app.UseWebSockets();
        app.Run(async context =>
        {
            if (context.Request.Path != "/ws" || !context.WebSockets.IsWebSocketRequest)
            {
                context.Response.StatusCode = 404;
                return;
            }

            using var socket = await context.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false);
            if (server is { Silent: false })
            {
                var info = new JsonObject
                {
                    ["fabric_id"] = 2, ["compressed_fabric_id"] = 11532276213428061394, ["schema_version"] = 11, ["min_supported_schema_version"] = 9,
                    ["sdk_version"] = "2025.7.0", ["wifi_credentials_set"] = false, ["thread_credentials_set"] = true, ["bluetooth_enabled"] = false,
                };
                await socket.SendAsync(Encoding.UTF8.GetBytes(info.ToJsonString()), System.Net.WebSockets.WebSocketMessageType.Text, true, context.RequestAborted).ConfigureAwait(false);
            }

            var buffer = new byte[1024];
            try
            {
                while (!context.RequestAborted.IsCancellationRequested)
                {
                    var received = await socket.ReceiveAsync(buffer, context.RequestAborted).ConfigureAwait(false);
                    if (received.MessageType == System.Net.WebSockets.WebSocketMessageType.Close)
                    {
                        await socket.CloseOutputAsync(System.Net.WebSockets.WebSocketCloseStatus.NormalClosure, null, CancellationToken.None).ConfigureAwait(false);
                        break;
                    }
                }
            }
            catch (Exception e) when (e is System.Net.WebSockets.WebSocketException or OperationCanceledException)
            {
                // The client went away.
            }
        });
        await app.StartAsync().ConfigureAwait(false);
        server = new FakeMatterServer(app, new Uri(app.Urls.First()).Port);
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
