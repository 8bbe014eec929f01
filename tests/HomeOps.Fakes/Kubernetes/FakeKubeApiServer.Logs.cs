using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace HomeOps.Fakes.Kubernetes;

/// <summary>
/// GET pods/NAME/log: what the API server decides itself, as kubernetes pkg/registry/core/pod/strategy.go
/// <c>LogLocation</c> does (a missing pod is 404; without <c>container</c> a pod with several containers is a 400 naming
/// them; an unknown container is a 400; a pod not yet scheduled has an empty log), and what the kubelet answers for a
/// container still waiting ("is waiting to start") or without a previous run. The log text is what a test wrote with
/// <see cref="WriteLog"/>; <c>tailLines</c> keeps the last lines and <c>limitBytes</c> cuts the answer, as the kubelet does.
/// </summary>
public sealed partial class FakeKubeApiServer
{
    private readonly ConcurrentDictionary<(string Namespace, string Pod, string Container, bool Previous), string> _logs = new();

    /// <summary>Sets what container <paramref name="container"/> of a pod has written (its previous run's with <paramref name="previous"/>).</summary>
    public void WriteLog(string ns, string pod, string container, string text, bool previous = false) =>
        _logs[(ns, pod, container, previous)] = text;

    private async Task WriteLogAsync(HttpContext context, FakeResourceType type, string ns, string name)
    {
        var pod = Store.Get(type, ns, name) ?? throw new FakeKubeException(KubeStatus.NotFound(type, name));
        var query = context.Request.Query;
        var containers = Names(pod["spec"]?["containers"]);
        var initContainers = Names(pod["spec"]?["initContainers"]);
        var container = query["container"].ToString();
        if (container.Length == 0)
        {
            container = containers.Count switch
            {
                1 => containers[0],
                0 => throw BadRequest($"a container name must be specified for pod {name}"),
                _ => throw BadRequest($"a container name must be specified for pod {name}, choose one of: [{string.Join(' ', containers)}]"
                    + (initContainers.Count > 0 ? $" or one of the init containers: [{string.Join(' ', initContainers)}]" : string.Empty)),
            };
        }
        else if (!containers.Contains(container) && !initContainers.Contains(container))
        {
            throw BadRequest($"container {container} is not valid for pod {name}");
        }

        var text = string.Empty;
        if (pod["spec"]?["nodeName"] is not null)
        {
            var previous = query["previous"].ToString() == "true";
            var state = (pod["status"]?["containerStatuses"] as JsonArray)?.FirstOrDefault(s => s?["name"]?.GetValue<string>() == container)?["state"];
            if (!previous && state?["waiting"]?["reason"]?.GetValue<string>() is { } waiting)
            {
                throw BadRequest($"container \"{container}\" in pod \"{name}\" is waiting to start: {waiting}");
            }

            if (!_logs.TryGetValue((ns, name, container, previous), out text!))
            {
                text = previous ? throw BadRequest($"previous terminated container \"{container}\" in pod \"{name}\" not found") : string.Empty;
            }

            text = Tail(text, query["tailLines"].ToString());
            if (int.TryParse(query["limitBytes"].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var limit) && Encoding.UTF8.GetByteCount(text) > limit)
            {
                text = Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(text), 0, limit);
            }
        }

        context.Response.StatusCode = 200;
        context.Response.ContentType = "text/plain";
        await context.Response.WriteAsync(text, context.RequestAborted).ConfigureAwait(false);
    }

    private static string Tail(string text, string tailLines)
    {
        if (!int.TryParse(tailLines, NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            return text;
        }

        var lines = text.Split('\n');
        var complete = text.EndsWith('\n') ? lines[..^1] : lines;
        var kept = complete.Skip(Math.Max(0, complete.Length - count));
        return string.Concat(kept.Select(l => l + "\n"));
    }

    private static List<string> Names(JsonNode? containers) =>
        (containers as JsonArray)?.Select(c => c?["name"]?.GetValue<string>()).OfType<string>().ToList() ?? [];

    private static FakeKubeException BadRequest(string message) => new(KubeStatus.Failure(400, "BadRequest", message));
}
