using System.Globalization;
using System.Text.Json.Nodes;
using HomeOps.Fakes.Controllers;
using HomeOps.Fakes.Kubernetes;

namespace HomeOps.Fakes.Programs;

/// <summary>
/// What `upgrade --install` creates and what `--wait` waits for. The chart's workloads (Deployments, DaemonSets,
/// StatefulSets) and ConfigMaps, as rendered, are written to the store. `--wait` (pkg/kube/wait.go, polling until
/// --timeout) waits until their pods could run: a pod off the host network needs a Ready node (the CNI gives it an
/// address) and, when it mounts a service-account token, routed Services to reach the API server; every Secret its pod
/// template needs (secret volumes, secretKeyRef, envFrom secretRef; not optional, not rendered by the chart itself)
/// must exist. Cilium's own agent DaemonSet is ready when <see cref="NodeController.CniProblem"/> is null.
/// </summary>
public sealed partial class FakeHelm
{
    private static readonly HashSet<string> s_createdKinds = new(StringComparer.Ordinal) { "Namespace", "Deployment", "DaemonSet", "StatefulSet", "ConfigMap" };

    /// <summary>The cluster's nodes and CNI; without it pods need only a Ready node.</summary>
    public NodeController? Nodes { get; set; }

    /// <summary>Why the last `--wait` that timed out was not ready (what `kubectl describe` would have shown).</summary>
    public string? LastWaitProblem { get; private set; }

    /// <summary>How long the chart's pods take to start after an install (0: at once); a `--wait` meanwhile is in progress.</summary>
    public TimeSpan PodStartDelay { get; set; }

    private long _installStarted;

    /// <summary>Called with the reason when a `--wait` first finds the workloads not ready; a test may cancel the run there (Ctrl-C).</summary>
    public Action<string>? OnWaiting { get; set; }

    private void SetStatus(string ns, string release, int number, string status, string description)
    {
        var revisions = HistoryOf(ns, release);
        var at = revisions.FindIndex(r => r.Number == number);
        if (status == "deployed")
        {
            for (var i = 0; i < revisions.Count; i++)
            {
                if (revisions[i].Status == "deployed")
                {
                    revisions[i] = revisions[i] with { Status = "superseded" };
                }
            }
        }

        revisions[at] = revisions[at] with { Status = status, Description = description };
        api.Store.Mutate(api.Store.Type("", "v1", "secrets")!, ns, $"sh.helm.release.v1.{release}.v{number}", s => s["metadata"]!["labels"]!["status"] = status);
    }

    private List<JsonObject> CreateWorkloads(IReadOnlyList<JsonObject> objects, string ns)
    {
        var store = api.Store;
        var workloads = new List<JsonObject>();
        foreach (var rendered in objects.Where(o => s_createdKinds.Contains(o["kind"]!.GetValue<string>())))
        {
            var type = store.TypeOf(rendered["apiVersion"]?.GetValue<string>() ?? "v1", rendered["kind"]!.GetValue<string>());
            if (type is null)
            {
                continue;
            }

            var body = (JsonObject)rendered.DeepClone();
            var at = type.Namespaced ? body["metadata"]?["namespace"]?.GetValue<string>() ?? ns : null;
            if (at is not null)
            {
                body["metadata"]!["namespace"] = at;
            }

            var name = FakeKubeStore.NameOf(body);
            if (store.Get(type, at, name) is null)
            {
                store.Create(type, at, body);
            }
            else
            {
                store.Mutate(type, at, name, o =>
                {
                    o["spec"] = body["spec"]?.DeepClone();
                    o["data"] = body["data"]?.DeepClone();
                    o["metadata"]!["labels"] = body["metadata"]?["labels"]?.DeepClone();
                });
            }

            if (type.Kind is not ("ConfigMap" or "Namespace"))
            {
                workloads.Add(body);
            }
        }

        return workloads;
    }

    /// <summary>Polls as helm does until every workload could run or <paramref name="timeout"/> passes; null when ready, else why not.</summary>
    private string? WaitForWorkloads(List<JsonObject> workloads, IReadOnlyList<JsonObject> rendered, string ns, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = Environment.TickCount64 + (long)timeout.TotalMilliseconds;
        var told = false;
        while (true)
        {
            var problem = workloads.Select(w => NotReady(w, rendered, ns)).FirstOrDefault(p => p is not null);
            if (problem is null)
            {
                return null;
            }

            if (!told)
            {
                told = true;
                OnWaiting?.Invoke(problem);
            }

            cancellationToken.ThrowIfCancellationRequested();
            if (Environment.TickCount64 >= deadline)
            {
                return problem;
            }

            cancellationToken.WaitHandle.WaitOne(20);
        }
    }

    private string? NotReady(JsonObject workload, IReadOnlyList<JsonObject> rendered, string releaseNamespace)
    {
        var store = api.Store;
        var kind = workload["kind"]!.GetValue<string>();
        var ns = workload["metadata"]?["namespace"]?.GetValue<string>() ?? releaseNamespace;
        var id = $"{kind} {ns}/{FakeKubeStore.NameOf(workload)}";
        var pod = workload["spec"]?["template"]?["spec"] as JsonObject;
        if (kind == "DaemonSet" && FakeKubeStore.NameOf(workload) == "cilium")
        {
            return Nodes?.CniProblem is { } cni ? $"{id}: {cni}" : null;
        }

        if (PodStartDelay > TimeSpan.Zero && Environment.TickCount64 < _installStarted + (long)PodStartDelay.TotalMilliseconds)
        {
            return $"{id}: pods ContainerCreating";
        }

        string Warn(string reason, string message)
        {
            FakeEvents.Warning(store, ns, kind, FakeKubeStore.NameOf(workload), reason, message, TimeProvider.System);
            return $"{id}: {message}";
        }

        var nodes = store.List(store.Type("", "v1", "nodes")!, null).Items;
        if (pod?["hostNetwork"]?.GetValue<bool>() != true && !nodes.Any(NodeController.IsReady))
        {
            return Warn("FailedScheduling", string.Create(CultureInfo.InvariantCulture, $"0/{nodes.Count} nodes are available: {nodes.Count} node(s) had untolerated taint {{node.kubernetes.io/not-ready: }}. preemption: 0/{nodes.Count} nodes are available: {nodes.Count} Preemption is not helpful for scheduling."));
        }

        var chartSecrets = rendered.Where(o => o["kind"]?.GetValue<string>() == "Secret").Select(FakeKubeStore.NameOf).ToHashSet(StringComparer.Ordinal);
        var secrets = store.Type("", "v1", "secrets")!;
        foreach (var secret in SecretsNeeded(pod).Where(s => !chartSecrets.Contains(s)))
        {
            if (store.Get(secrets, ns, secret) is null)
            {
                return Warn("FailedMount", $"MountVolume.SetUp failed for volume \"{secret}\" : secret \"{secret}\" not found");
            }
        }

        if (pod?["hostNetwork"]?.GetValue<bool>() != true && pod?["automountServiceAccountToken"]?.GetValue<bool>() != false && Nodes is { ServicesRouted: false })
        {
            return Warn("BackOff", "Back-off restarting failed container: dial tcp 10.96.0.1:443: i/o timeout (nothing routes Services: no kube-proxy and no kube-proxy replacement)");
        }

        return null;
    }

    /// <summary>The Secrets a pod template cannot start without.</summary>
    private static IEnumerable<string> SecretsNeeded(JsonObject? pod)
    {
        static bool Optional(JsonNode? n) => n?["optional"]?.GetValue<bool>() == true;
        foreach (var volume in (pod?["volumes"] as JsonArray)?.OfType<JsonObject>() ?? [])
        {
            if (volume["secret"] is { } secret && !Optional(secret) && secret["secretName"]?.GetValue<string>() is { } name)
            {
                yield return name;
            }

            foreach (var source in (volume["projected"]?["sources"] as JsonArray)?.OfType<JsonObject>() ?? [])
            {
                if (source["secret"] is { } projected && !Optional(projected) && projected["name"]?.GetValue<string>() is { } projectedName)
                {
                    yield return projectedName;
                }
            }
        }

        var containers = ((pod?["containers"] as JsonArray)?.OfType<JsonObject>() ?? []).Concat((pod?["initContainers"] as JsonArray)?.OfType<JsonObject>() ?? []);
        foreach (var container in containers)
        {
            foreach (var env in (container["env"] as JsonArray)?.OfType<JsonObject>() ?? [])
            {
                if (env["valueFrom"]?["secretKeyRef"] is { } reference && !Optional(reference) && reference["name"]?.GetValue<string>() is { } name)
                {
                    yield return name;
                }
            }

            foreach (var from in (container["envFrom"] as JsonArray)?.OfType<JsonObject>() ?? [])
            {
                if (from["secretRef"] is { } reference && !Optional(reference) && reference["name"]?.GetValue<string>() is { } name)
                {
                    yield return name;
                }
            }
        }
    }
}
