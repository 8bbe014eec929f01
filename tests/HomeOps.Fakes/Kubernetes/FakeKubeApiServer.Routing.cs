using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace HomeOps.Fakes.Kubernetes;

/// <summary>URL layout: /api, /apis (discovery), /readyz, /version, then /api/v1/... and /apis/{g}/{v}/... resources.</summary>
public sealed partial class FakeKubeApiServer
{
    private async Task RouteAsync(HttpContext context)
    {
        var segments = context.Request.Path.Value!.Split('/', StringSplitOptions.RemoveEmptyEntries);
        switch (segments)
        {
            case ["readyz" or "livez" or "healthz"]:
                context.Response.ContentType = "text/plain; charset=utf-8";
                await context.Response.WriteAsync("ok").ConfigureAwait(false);
                return;
            case ["version"]:
                await WriteJsonAsync(context, 200, VersionInfo()).ConfigureAwait(false);
                return;
            case ["api"]:
                await WriteJsonAsync(context, 200, ApiVersions()).ConfigureAwait(false);
                return;
            case ["apis"]:
                await WriteJsonAsync(context, 200, ApiGroups()).ConfigureAwait(false);
                return;
            case ["api", "v1"]:
                await WriteJsonAsync(context, 200, ResourceList("", "v1")).ConfigureAwait(false);
                return;
            case ["apis", var g, var v]:
                await WriteJsonAsync(context, 200, ResourceList(g, v)).ConfigureAwait(false);
                return;
            case ["api", "v1", "namespaces", var ns, "services", var target, "proxy", .. var path] when context.Request.Method == "GET":
                await ProxyAsync(context, ns, target, string.Join('/', path)).ConfigureAwait(false);
                return;
            case ["api", "v1", "namespaces", var ns, "pods", var target, "proxy", .. var path] when context.Request.Method == "GET":
                await PodProxyAsync(context, ns, target, string.Join('/', path)).ConfigureAwait(false);
                return;
            case ["api", "v1", .. var rest]:
                await ResourceAsync(context, "", "v1", rest).ConfigureAwait(false);
                return;
            case ["apis", var g, var v, .. var rest]:
                await ResourceAsync(context, g, v, rest).ConfigureAwait(false);
                return;
            default:
                context.Response.StatusCode = 404;
                context.Response.ContentType = "text/plain; charset=utf-8";
                await context.Response.WriteAsync("404 page not found").ConfigureAwait(false);
                return;
        }
    }

    private async Task ResourceAsync(HttpContext context, string group, string version, string[] rest)
    {
        string? ns = null;
        if (rest is ["namespaces", var n, var plural, ..] && plural is not ("status" or "finalize"))
        {
            ns = n;
            rest = rest[2..];
        }

        var type = Store.Type(group, version, rest[0]) ?? throw new FakeKubeException(
            KubeStatus.Failure(404, "NotFound", "the server could not find the requested resource"));
        var name = rest.Length > 1 ? rest[1] : null;
        var subresource = rest.Length > 2 ? rest[2] : null;
        if (subresource == "log" && type.Kind == "Pod" && context.Request.Method == "GET" && ns is not null && name is not null)
        {
            await WriteLogAsync(context, type, ns, name).ConfigureAwait(false);
            return;
        }

        if (subresource == "eviction" && type.Kind == "Pod" && ns is not null && name is not null)
        {
            if (context.Request.Method != "POST")
            {
                throw new FakeKubeException(KubeStatus.Failure(405, "MethodNotAllowed", "the server does not allow this method on the requested resource"));
            }

            var (code, answer) = Store.Evict(ns, name, await ReadObjectAsync(context).ConfigureAwait(false));
            if (JsonNumbers.Int(answer["details"]?["retryAfterSeconds"]) is > 0 and var seconds)
            {
                context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            await WriteJsonAsync(context, code, answer).ConfigureAwait(false);
            return;
        }

        if (subresource is not (null or "status"))
        {
            throw new FakeKubeException(KubeStatus.Failure(404, "NotFound", "the server could not find the requested resource"));
        }

        var method = context.Request.Method;
        var status = subresource == "status";
        switch (method, name)
        {
            case ("GET", null) when IsWatch(context.Request):
                await WatchAsync(context, type, ns).ConfigureAwait(false);
                break;
            case ("GET", null):
                await WriteJsonAsync(context, 200, ListBody(context.Request, type, ns)).ConfigureAwait(false);
                break;
            case ("GET", not null):
                await WriteJsonAsync(context, 200, Store.Get(type, ns, name) ?? throw new FakeKubeException(KubeStatus.NotFound(type, name))).ConfigureAwait(false);
                break;
            case ("POST", null):
                await WriteJsonAsync(context, 201, Store.Create(type, ns, await ReadObjectAsync(context).ConfigureAwait(false), FieldValidation(context.Request))).ConfigureAwait(false);
                break;
            case ("PUT", not null):
                await WriteJsonAsync(context, 200, Store.Replace(type, ns, name, await ReadObjectAsync(context).ConfigureAwait(false), status, FieldValidation(context.Request))).ConfigureAwait(false);
                break;
            case ("PATCH", not null):
                await PatchAsync(context, type, ns, name, status).ConfigureAwait(false);
                break;
            case ("DELETE", not null):
                var deleted = Store.Delete(type, ns, name) ?? throw new FakeKubeException(KubeStatus.NotFound(type, name));
                await WriteJsonAsync(context, 200, type.IsCustom ? KubeStatus.Success(type, name, deleted["metadata"]!["uid"]!.GetValue<string>()) : deleted).ConfigureAwait(false);
                break;
            default:
                throw new FakeKubeException(KubeStatus.Failure(405, "MethodNotAllowed", $"the server does not allow this method on the requested resource"));
        }
    }

    private async Task PatchAsync(HttpContext context, FakeResourceType type, string? ns, string name, bool status)
    {
        var mediaType = (context.Request.ContentType ?? string.Empty).Split(';')[0].Trim();
        var query = context.Request.Query;
        var apply = mediaType == "application/apply-patch+yaml";
        var merge = mediaType == "application/merge-patch+json" || (mediaType == "application/strategic-merge-patch+json" && !type.IsCustom);
        if (!apply && !merge)
        {
            throw new FakeKubeException(KubeStatus.Failure(415, "UnsupportedMediaType",
                $"the body of the request was in an unknown format - accepted media types include: application/merge-patch+json, application/apply-patch+yaml (this fake does not implement {mediaType})"));
        }

        if (apply && string.IsNullOrEmpty(query["fieldManager"]))
        {
            throw new FakeKubeException(KubeStatus.Failure(422, "Invalid", "PatchOptions.meta.k8s.io \"\" is invalid: fieldManager: Required value: is required for apply patch"));
        }

        if (!apply && !string.IsNullOrEmpty(query["force"]))
        {
            throw new FakeKubeException(KubeStatus.Failure(422, "Invalid", "PatchOptions.meta.k8s.io \"\" is invalid: force: Forbidden: may not be specified for non-apply patch"));
        }

        var body = await ReadObjectAsync(context).ConfigureAwait(false);
        if (apply && body["apiVersion"]?.GetValue<string>() is { } apiVersion && apiVersion != type.ApiVersion)
        {
            throw new FakeKubeException(KubeStatus.Failure(400, "BadRequest", $"Incorrect version specified in apply patch. Specified patch version: {apiVersion}, expected: {type.ApiVersion}"));
        }

        var (obj, created) = Store.Patch(type, ns, name, body, apply, status, FieldValidation(context.Request));
        await WriteJsonAsync(context, created ? 201 : 200, obj).ConfigureAwait(false);
    }

    private JsonObject ListBody(HttpRequest request, FakeResourceType type, string? ns)
    {
        var filter = Selectors.Parse(request.Query["labelSelector"], request.Query["fieldSelector"], type.Kind);
        var (items, revision) = Store.List(type, ns, filter);
        return new JsonObject
        {
            ["kind"] = type.Kind + "List",
            ["apiVersion"] = type.ApiVersion,
            ["metadata"] = new JsonObject { ["resourceVersion"] = revision.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            ["items"] = new JsonArray([.. items]),
        };
    }

    /// <summary>The request's fieldValidation; the server's default when a client sends none is Warn (handlers/rest.go fieldValidation).</summary>
    private static string FieldValidation(HttpRequest request) =>
        request.Query["fieldValidation"].ToString() is { Length: > 0 } v ? v : "Warn";

    private static bool IsWatch(HttpRequest request) => request.Query["watch"].ToString() is "true" or "1";

    private static async Task<JsonObject> ReadObjectAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var text = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        try
        {
            return JsonNode.Parse(text) as JsonObject ?? throw new JsonException("not an object");
        }
        catch (JsonException e)
        {
            throw new FakeKubeException(KubeStatus.Failure(400, "BadRequest", $"the request body is not a JSON object (this fake reads JSON only): {e.Message}"));
        }
    }

    private static async Task WriteJsonAsync(HttpContext context, int code, JsonNode body)
    {
        context.Response.StatusCode = code;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body.ToJsonString(), context.RequestAborted).ConfigureAwait(false);
    }
}
