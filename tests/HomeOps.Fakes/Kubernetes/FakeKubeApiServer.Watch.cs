using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace HomeOps.Fakes.Kubernetes;

/// <summary>Watch: one compact JSON event per line, flushed per event, ended after timeoutSeconds or on shutdown.</summary>
public sealed partial class FakeKubeApiServer
{
    private async Task WatchAsync(HttpContext context, FakeResourceType type, string? ns)
    {
        var query = context.Request.Query;
        if (!string.IsNullOrEmpty(query["sendInitialEvents"]))
        {
            throw new FakeKubeException(KubeStatus.Failure(422, "Invalid", "ListOptions.meta.k8s.io \"\" is invalid: sendInitialEvents: Forbidden: sendInitialEvents is forbidden for watch unless the WatchList feature gate is enabled"));
        }

        long? from = long.TryParse(query["resourceVersion"], CultureInfo.InvariantCulture, out var rv) ? rv : null;
        var filter = Selectors.Parse(query["labelSelector"], query["fieldSelector"], type.Kind);
        var timeout = TimeSpan.FromSeconds(int.TryParse(query["timeoutSeconds"], CultureInfo.InvariantCulture, out var seconds) ? Math.Min(seconds, 1800) : 1800);
        var reader = Store.Watch(type, ns, from);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
        cancel.CancelAfter(timeout);
        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json";
        try
        {
            await context.Response.StartAsync(cancel.Token).ConfigureAwait(false);

            // KubernetesClient blocks until the first line arrives; a bookmark unblocks it when nothing has changed.
            if (!reader.TryPeek(out _) && query["allowWatchBookmarks"].ToString() == "true")
            {
                var bookmark = new JsonObject
                {
                    ["kind"] = type.Kind,
                    ["apiVersion"] = type.ApiVersion,
                    ["metadata"] = new JsonObject { ["resourceVersion"] = Store.Revision.ToString(CultureInfo.InvariantCulture) },
                };
                await WriteEventAsync(context, "BOOKMARK", bookmark, cancel.Token).ConfigureAwait(false);
            }

            await foreach (var e in reader.ReadAllAsync(cancel.Token).ConfigureAwait(false))
            {
                if (filter is null || filter(e.Object))
                {
                    await WriteEventAsync(context, e.EventType, e.Object, cancel.Token).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Timeout, client gone or server stopping: the stream just ends, as on a real server.
        }
        finally
        {
            Store.Unwatch(reader);
        }
    }

    private static async Task WriteEventAsync(HttpContext context, string type, JsonObject obj, CancellationToken cancellationToken)
    {
        var line = new JsonObject { ["type"] = type, ["object"] = obj }.ToJsonString() + "\n";
        await context.Response.WriteAsync(line, cancellationToken).ConfigureAwait(false);
        await context.Response.Body.FlushAsync(cancellationToken).ConfigureAwait(false);
    }
}
