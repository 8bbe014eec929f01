using System.Globalization;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace HomeOps.Fakes.Kubernetes;

/// <summary>
/// The fake API server's etcd: objects per kind, one global revision counter (stringified as resourceVersion),
/// the event history watches replay from, and the simulated controllers that react to every change.
/// All state changes happen under one lock, so tests see a linear history.
/// </summary>
public sealed partial class FakeKubeStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, FakeResourceType> _types = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Type, string Ns, string Name), JsonObject> _objects = [];
    private readonly List<FakeWatchEvent> _history = [];
    private readonly List<(FakeResourceType Type, string? Ns, Channel<FakeWatchEvent> Channel)> _subscribers = [];
    private readonly List<IFakeController> _controllers = [];
    private readonly Queue<FakeWatchEvent> _pending = new();
    private readonly TimeProvider _time;
    private long _revision = 100;
    private bool _reconciling;

    public FakeKubeStore(TimeProvider time)
    {
        _time = time;
        foreach (var type in FakeResourceType.BuiltIn())
        {
            Register(type);
        }

        // kube-controller-manager's disruption controller runs in every cluster: budgets get their status from it.
        _controllers.Add(new Controllers.DisruptionController(time));

        foreach (var ns in new[] { "default", "kube-system", "kube-public", "kube-node-lease" })
        {
            Create(Type("", "v1", "namespaces")!, null, new JsonObject { ["metadata"] = new JsonObject { ["name"] = ns } });
        }
    }

    public long Revision
    {
        get
        {
            lock (_gate)
            {
                return _revision;
            }
        }
    }

    public IReadOnlyList<FakeResourceType> Types
    {
        get
        {
            lock (_gate)
            {
                return [.. _types.Values];
            }
        }
    }

    public void AddController(IFakeController controller)
    {
        lock (_gate)
        {
            _controllers.Add(controller);
        }
    }

    public void Register(FakeResourceType type)
    {
        lock (_gate)
        {
            _types[Key(type)] = type;
        }
    }

    public FakeResourceType? Type(string group, string version, string plural)
    {
        lock (_gate)
        {
            return _types.GetValueOrDefault($"{group}/{version}/{plural}");
        }
    }

    public FakeResourceType? TypeOf(string apiVersion, string kind)
    {
        lock (_gate)
        {
            return _types.Values.FirstOrDefault(t => t.ApiVersion == apiVersion && t.Kind == kind);
        }
    }

    public JsonObject? Get(FakeResourceType type, string? ns, string name)
    {
        lock (_gate)
        {
            return _objects.GetValueOrDefault((Key(type), ns ?? string.Empty, name))?.DeepClone() as JsonObject;
        }
    }

    public (IReadOnlyList<JsonObject> Items, long Revision) List(FakeResourceType type, string? ns, Func<JsonObject, bool>? filter = null)
    {
        lock (_gate)
        {
            var key = Key(type);
            var items = _objects
                .Where(kv => kv.Key.Type == key && (ns is null || kv.Key.Ns == ns))
                .OrderBy(kv => kv.Key.Ns, StringComparer.Ordinal).ThenBy(kv => kv.Key.Name, StringComparer.Ordinal)
                .Select(kv => (JsonObject)kv.Value.DeepClone())
                .Where(o => filter is null || filter(o))
                .ToList();
            return (items, _revision);
        }
    }

    /// <summary>Subscribes to changes after <paramref name="fromRevision"/>, or to the current objects plus changes.</summary>
    public ChannelReader<FakeWatchEvent> Watch(FakeResourceType type, string? ns, long? fromRevision)
    {
        var channel = Channel.CreateUnbounded<FakeWatchEvent>();
        lock (_gate)
        {
            var key = Key(type);
            if (fromRevision is null or 0)
            {
                foreach (var obj in _objects.Where(kv => kv.Key.Type == key && (ns is null || kv.Key.Ns == ns)).Select(kv => kv.Value))
                {
                    channel.Writer.TryWrite(new FakeWatchEvent(type, "ADDED", (JsonObject)obj.DeepClone(), ResourceVersionOf(obj)));
                }
            }
            else
            {
                foreach (var e in _history.Where(e => e.Revision > fromRevision && Key(e.Type) == key && (ns is null || NamespaceOf(e.Object) == ns)))
                {
                    channel.Writer.TryWrite(e with { Object = (JsonObject)e.Object.DeepClone() });
                }
            }

            _subscribers.Add((type, ns, channel));
        }

        return channel.Reader;
    }

    public void Unwatch(ChannelReader<FakeWatchEvent> reader)
    {
        lock (_gate)
        {
            _subscribers.RemoveAll(s => s.Channel.Reader == reader);
        }
    }

    /// <summary>Ends every open watch (the server is going down).</summary>
    public void CloseWatches()
    {
        lock (_gate)
        {
            foreach (var s in _subscribers)
            {
                s.Channel.Writer.TryComplete();
            }

            _subscribers.Clear();
        }
    }

    private void Emit(FakeResourceType type, string eventType, JsonObject obj)
    {
        var e = new FakeWatchEvent(type, eventType, (JsonObject)obj.DeepClone(), ResourceVersionOf(obj));
        _history.Add(e);
        foreach (var s in _subscribers.Where(s => Key(s.Type) == Key(type) && (s.Ns is null || s.Ns == NamespaceOf(obj))))
        {
            s.Channel.Writer.TryWrite(e with { Object = (JsonObject)e.Object.DeepClone() });
        }

        _pending.Enqueue(e);
        if (_reconciling)
        {
            return;
        }

        // Controllers react to each change in order; their own writes queue up instead of recursing.
        _reconciling = true;
        try
        {
            while (_pending.TryDequeue(out var next))
            {
                foreach (var controller in _controllers.ToList())
                {
                    controller.OnChanged(this, next);
                }
            }
        }
        finally
        {
            _reconciling = false;
        }
    }

    private string NextRevision() => (++_revision).ToString(CultureInfo.InvariantCulture);

    private string Now() => _time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Key(FakeResourceType type) => $"{type.Group}/{type.Version}/{type.Plural}";

    public static string NamespaceOf(JsonObject obj) => obj["metadata"]?["namespace"]?.GetValue<string>() ?? string.Empty;

    public static string NameOf(JsonObject obj) => obj["metadata"]?["name"]?.GetValue<string>() ?? string.Empty;

    private static long ResourceVersionOf(JsonObject obj) =>
        long.TryParse(obj["metadata"]?["resourceVersion"]?.GetValue<string>(), CultureInfo.InvariantCulture, out var rv) ? rv : 0;
}
