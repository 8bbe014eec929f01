using System.ComponentModel;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using HomeOps.Operations.Doctor;
using HomeOps.Operations.Status;
using HomeOps.Runtime.Kubernetes;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace HomeOps.Mcp.Tools;

/// <summary>
/// The live read-only tools: `homeops status` over one snapshot of the cluster, and get, list and events through the
/// repository's Kubernetes client (KubeApi: retries of transient failures only). Without a kubeconfig each answers
/// with an error that says so; the server keeps running.
/// </summary>
[McpServerToolType]
internal sealed class ClusterTools(McpContext context)
{
    private static readonly JsonSerializerOptions s_indented = new() { WriteIndented = true };

    [McpServerTool(Name = "status", Title = "Cluster status", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = true)]
    [Description("The running cluster as `homeops status` shows it: nodes, pods not ready, claims not bound, every Flux Kustomization and HelmRelease with what blocks what, Cilium BGP and pools; one list request per kind.")]
    public async Task<CallToolResult> Status(
        [Description("text or json")] string format = "text",
        CancellationToken cancellationToken = default)
    {
        ToolInput.OneOf("format", format, "text", "json");
        var (snapshot, targets) = ClusterAccess.Open(context);
        if (snapshot.Api is null)
        {
            return ToolOutput.Error(ClusterAccess.Unavailable(snapshot));
        }

        using var api = snapshot.Api as IDisposable;
        var report = await StatusService.Default().RunAsync(StatusContext.For(snapshot, targets, context.Time, context.Commands), cancellationToken).ConfigureAwait(false);
        return ToolOutput.Text(format == "json" ? StatusJson.Format(report) : StatusText.Format(report));
    }

    [McpServerTool(Name = "doctor", Title = "Cluster doctor", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = true)]
    [Description("`homeops doctor`: the upgrade gates (etcd, Longhorn volumes, the PostgreSQL primary, Flux) judged from one status read, then protocol probes that log in to the real services (MQTT round trip, PostgreSQL, Redis, HTTPS through each ingress, the Matter WebSocket) with credentials from the cluster's Secrets, and what to do next.")]
    public async Task<CallToolResult> Doctor(
        [Description("Only these checks: etcd, longhorn, cnpg, flux, postgresql, redis, mqtt, matter, ingress (default: all)")] string[]? checks = null,
        [Description("text or json")] string format = "text",
        CancellationToken cancellationToken = default)
    {
        ToolInput.OneOf("format", format, "text", "json");
        var service = DoctorService.Default();
        foreach (var id in checks ?? [])
        {
            ToolInput.OneOf("checks", id, [.. service.Checks.Select(c => c.Id)]);
        }

        var (snapshot, targets) = ClusterAccess.Open(context);
        if (snapshot.Api is null)
        {
            return ToolOutput.Error(ClusterAccess.Unavailable(snapshot));
        }

        using var api = snapshot.Api as IDisposable;
        var statusContext = StatusContext.For(snapshot, targets, context.Time, context.Commands);
        var (report, _) = await service.Only(checks ?? []).RunAsync(statusContext, ServiceEndpoints.None, configure: null, cancellationToken).ConfigureAwait(false);
        var text = format == "json" ? DoctorOutput.Json(report) : DoctorOutput.Text(report);
        return report.ExitCode == 0 ? ToolOutput.Text(text) : ToolOutput.Text(text + $"\nexit code {report.ExitCode}: {(report.ExitCode == 1 ? "something is unhealthy" : "something could not be asked")}\n");
    }

    [McpServerTool(Name = "kube_get", Title = "Get one Kubernetes object", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = true)]
    [Description("One object of the cluster as JSON (managedFields left out; Secret values masked).")]
    public Task<CallToolResult> Get(
        [Description("The kind, e.g. Pod, HelmRelease, Kustomization (or its plural)")] string kind,
        [Description("The object's name")] string name,
        [Description("The namespace (for namespaced kinds; default: default)")] string? @namespace = null,
        [Description("The apiVersion, when the kind alone is ambiguous")] string? apiVersion = null,
        CancellationToken cancellationToken = default) =>
        WithApiAsync(async api =>
        {
            var resource = ClusterAccess.Resource(kind, apiVersion);
            var obj = await api.GetAsync(resource, resource.Namespaced ? @namespace ?? "default" : null, name, cancellationToken).ConfigureAwait(false);
            return obj is null
                ? ToolOutput.Error($"No {resource.Kind} '{name}'{(resource.Namespaced ? $" in namespace {@namespace ?? "default"}" : string.Empty)}")
                : ToolOutput.Text(Trim(obj).ToJsonString(s_indented));
        });

    [McpServerTool(Name = "kube_list", Title = "List Kubernetes objects", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = true)]
    [Description("Objects of one kind as JSON, in one namespace or all (managedFields left out; Secret values masked).")]
    public Task<CallToolResult> List(
        [Description("The kind, e.g. Pod, HelmRelease, Kustomization (or its plural)")] string kind,
        [Description("Only this namespace (default: every namespace)")] string? @namespace = null,
        [Description("A label selector, e.g. app.kubernetes.io/name=grafana")] string? labelSelector = null,
        [Description("The apiVersion, when the kind alone is ambiguous")] string? apiVersion = null,
        [Description("At most this many objects (1-500)")] int limit = 100,
        CancellationToken cancellationToken = default) =>
        WithApiAsync(async api =>
        {
            var resource = ClusterAccess.Resource(kind, apiVersion);
            var list = await api.ListAsync(resource, resource.Namespaced ? @namespace : null, cancellationToken, labelSelector).ConfigureAwait(false);
            var items = list.Items.Take(Math.Clamp(limit, 1, 500)).Select(i => (JsonNode?)Trim(i)).ToArray();
            var note = list.Items.Count > items.Length ? $"\n{items.Length} of {list.Items.Count} shown (raise 'limit' or narrow with 'namespace' or 'labelSelector')" : string.Empty;
            return ToolOutput.Text(new JsonArray(items).ToJsonString(s_indented) + note);
        });

    [McpServerTool(Name = "events", Title = "Recent events", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = true)]
    [Description("The cluster's most recent events, newest first: time, type, reason, object and message.")]
    public Task<CallToolResult> Events(
        [Description("Only this namespace (default: every namespace)")] string? @namespace = null,
        [Description("Only Warning events")] bool warningsOnly = false,
        [Description("At most this many events (1-500)")] int limit = 50,
        CancellationToken cancellationToken = default) =>
        WithApiAsync(async api =>
        {
            var list = await api.ListAsync(KubeResource.Events, @namespace, cancellationToken).ConfigureAwait(false);
            var events = list.Items
                .Where(e => !warningsOnly || Str(e, "type") == "Warning")
                .OrderByDescending(e => Str(e, "lastTimestamp") ?? Str(e, "eventTime") ?? Str(e, "metadata", "creationTimestamp") ?? string.Empty, StringComparer.Ordinal)
                .Take(Math.Clamp(limit, 1, 500));
            var text = new StringBuilder();
            foreach (var e in events)
            {
                var time = Str(e, "lastTimestamp") ?? Str(e, "eventTime") ?? Str(e, "metadata", "creationTimestamp") ?? "?";
                var ns = Str(e, "involvedObject", "namespace") is { Length: > 0 } n ? n + "/" : string.Empty;
                var target = $"{Str(e, "involvedObject", "kind")}/{ns}{Str(e, "involvedObject", "name")}";
                text.Append(CultureInfo.InvariantCulture, $"{time} {Str(e, "type")} {Str(e, "reason")} {target}: {Str(e, "message")?.Trim()}\n");
            }

            return ToolOutput.Text(text.Length == 0 ? "no events\n" : text.ToString());
        });

    [McpServerTool(Name = "pod_logs", Title = "A container's log", ReadOnly = true, Destructive = false, Idempotent = true, OpenWorld = true)]
    [Description("The last lines a pod's container wrote (at most 64 KiB), with anything that looks like a secret masked.")]
    public Task<CallToolResult> PodLogs(
        [Description("The pod's namespace")] string @namespace,
        [Description("The pod's name")] string pod,
        [Description("The container (needed when the pod has several)")] string? container = null,
        [Description("At most this many of the last lines (1-2000)")] int tailLines = 200,
        [Description("The log of the run before the last restart")] bool previous = false,
        CancellationToken cancellationToken = default)
    {
        ToolInput.Between("tailLines", tailLines, 1, 2000);
        return WithApiAsync(async api =>
        {
            var text = await api.ReadPodLogAsync(@namespace, pod, container, tailLines, MaxLogBytes, previous, cancellationToken).ConfigureAwait(false);
            return ToolOutput.Text(text.Length == 0 ? "the log is empty\n" : text);
        });
    }

    private const int MaxLogBytes = 64 * 1024;

    private async Task<CallToolResult> WithApiAsync(Func<IKubeApi, Task<CallToolResult>> read)
    {
        var (snapshot, _) = ClusterAccess.Open(context);
        if (snapshot.Api is not { } api)
        {
            return ToolOutput.Error(ClusterAccess.Unavailable(snapshot));
        }

        try
        {
            return await read(api).ConfigureAwait(false);
        }
        catch (KubeApiException e)
        {
            return ToolOutput.Error($"The API server at {api.Server} refused or failed: {e.Message}");
        }
        catch (HttpRequestException e)
        {
            return ToolOutput.Error($"The API server at {api.Server} cannot be reached: {e.Message}");
        }
        finally
        {
            (api as IDisposable)?.Dispose();
        }
    }

    private static JsonObject Trim(JsonObject obj)
    {
        var copy = obj.DeepClone().AsObject();
        (copy["metadata"] as JsonObject)?.Remove("managedFields");
        return copy;
    }

    private static string? Str(JsonObject obj, params string[] path)
    {
        JsonNode? node = obj;
        foreach (var key in path)
        {
            node = node?[key];
        }

        return node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
    }
}
