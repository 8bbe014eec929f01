using System.Text.Json.Nodes;

namespace HomeOps.Fakes.Kubernetes;

/// <summary>
/// Warning Events as the cluster's own components write them (the DaemonSet controller's FailedCreate, the scheduler's
/// FailedScheduling, the kubelet's FailedMount and BackOff): one per object and reason, its message replaced when it
/// changes. The Event kind is registered on first use (the fake server does not serve it before).
/// </summary>
public static class FakeEvents
{
    public static void Warning(FakeKubeStore store, string ns, string kind, string name, string reason, string message, TimeProvider time)
    {
        var events = store.Type("", "v1", "events");
        if (events is null)
        {
            events = FakeResourceType.Core("events", "Event", true, false, "ev");
            store.Register(events);
        }

        var id = $"{name}.{reason.ToLowerInvariant()}";
        if (store.Get(events, ns, id)?["message"]?.GetValue<string>() == message)
        {
            return;
        }

        store.Delete(events, ns, id);
        store.Create(events, ns, new JsonObject
        {
            ["metadata"] = new JsonObject { ["name"] = id, ["namespace"] = ns },
            ["involvedObject"] = new JsonObject { ["kind"] = kind, ["name"] = name, ["namespace"] = ns },
            ["type"] = "Warning",
            ["reason"] = reason,
            ["message"] = message,
            ["count"] = 1,
            ["lastTimestamp"] = time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
        });
    }
}
