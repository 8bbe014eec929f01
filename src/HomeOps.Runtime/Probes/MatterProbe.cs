using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace HomeOps.Runtime.Probes;

/// <summary>
/// The Matter Server's WebSocket API (ws://HOST:5580/ws). python-matter-server sends its ServerInfoMessage as the
/// first message of every connection, unasked (matter_server/server/client_handler.py:90-91 at 8.0.0): fabric_id,
/// compressed_fabric_id, schema_version, min_supported_schema_version, sdk_version, wifi_credentials_set,
/// thread_credentials_set, bluetooth_enabled (matter_server/common/models.py:163-174). Healthy when that message
/// arrives and carries a schema_version.
/// </summary>
public static class MatterProbe
{
    public static async Task<ProbeResult> CheckAsync(Uri uri, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        using var socket = new ClientWebSocket();
        try
        {
            await socket.ConnectAsync(uri, deadline.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return ProbeResult.Unreachable($"no WebSocket connection to {uri}: {(e is OperationCanceledException ? "timed out" : (e.InnerException ?? e).Message)}");
        }

        string text;
        try
        {
            text = await ReceiveTextAsync(socket, deadline.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return ProbeResult.Wrong($"connected to {uri}, but no server info arrived: {(e is OperationCanceledException ? "timed out" : e.Message)}");
        }

        JsonObject? info;
        try
        {
            info = JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException)
        {
            info = null;
        }

        await CloseAsync(socket).ConfigureAwait(false);
        if (info?["schema_version"] is not JsonValue schema)
        {
            return ProbeResult.Wrong($"the first message from {uri} is not the Matter Server's server info: {(text.Length > 80 ? text[..80] + "..." : text)}");
        }

        var sdk = info["sdk_version"]?.ToString() ?? "?";
        var fabric = info["fabric_id"]?.ToJsonString() ?? "?";
        return ProbeResult.Healthy($"server info: schema {schema.ToJsonString()}, SDK {sdk}, fabric {fabric}, Thread credentials {(info["thread_credentials_set"]?.ToJsonString() == "true" ? "set" : "not set")}");
    }

    private static async Task<string> ReceiveTextAsync(ClientWebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[16 * 1024];
        using var message = new MemoryStream();
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, cancellationToken).ConfigureAwait(false);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                throw new WebSocketException($"the server closed the connection ({result.CloseStatus} {result.CloseStatusDescription})");
            }

            message.Write(buffer, 0, result.Count);
            if (result.EndOfMessage || message.Length > 1024 * 1024)
            {
                return Encoding.UTF8.GetString(message.ToArray());
            }
        }
    }

    private static async Task CloseAsync(ClientWebSocket socket)
    {
        try
        {
            using var closing = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "homeops doctor done", closing.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            // The answer is in; a server that does not close cleanly changes nothing.
        }
    }
}
