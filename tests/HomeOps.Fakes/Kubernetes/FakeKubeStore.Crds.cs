using System.Text.Json.Nodes;

namespace HomeOps.Fakes.Kubernetes;

/// <summary>
/// CustomResourceDefinitions as kube-apiserver handles them: a malformed one is refused (<see cref="CrdValidation"/>);
/// an accepted one is served in two steps, each after a delay, as two controllers do it
/// (apiextensions-apiserver pkg/controller/status/naming_controller.go, pkg/controller/establish/establishing_controller.go):
/// NamesAccepted (its endpoints answer from then on; Established False, reason Installing), then Established (its
/// group appears in discovery). Until then a request for its resources gets 404, as from the real server.
/// </summary>
public sealed partial class FakeKubeStore
{
    private readonly HashSet<string> _established = new(StringComparer.Ordinal);
    private readonly List<ITimer> _timers = [];

    /// <summary>Time until a new CRD's names are accepted and its resources are served (milliseconds on a real server).</summary>
    public TimeSpan CrdNamesAcceptedDelay { get; set; } = TimeSpan.FromMilliseconds(20);

    /// <summary>
    /// Time from names accepted to Established. A single API server establishes at once; with several (Talos runs one
    /// per control-plane node) the establishing controller waits 5 s (customresource_handler.go, MasterCount > 1).
    /// </summary>
    public TimeSpan CrdEstablishDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Built-in kinds, and custom kinds whose CRD is Established: what discovery lists.</summary>
    public bool IsEstablished(FakeResourceType type)
    {
        lock (_gate)
        {
            return !type.IsCustom || type.Kind == "CustomResourceDefinition" || _established.Contains(Key(type));
        }
    }

    /// <summary>True once every named CRD reports Established (what helm's ready checker waits for).</summary>
    public bool AreEstablished(IEnumerable<string> crdNames)
    {
        var crdType = Type("apiextensions.k8s.io", "v1", "customresourcedefinitions")!;
        return crdNames.All(n => Get(crdType, null, n)?["status"]?["conditions"] is JsonArray c
            && c.Any(x => x?["type"]?.GetValue<string>() == "Established" && x["status"]?.GetValue<string>() == "True"));
    }

    private static void CheckCrd(JsonObject crd)
    {
        // Defaults the server fills before it validates (apiextensions/v1 defaults.go).
        if (crd["spec"]?["names"] is JsonObject names && names["kind"]?.GetValue<string>() is { } kind)
        {
            names["singular"] ??= kind.ToLowerInvariant();
            names["listKind"] ??= kind + "List";
        }

        var errors = CrdValidation.Validate(crd);
        if (errors.Count > 0)
        {
            throw FieldError.Invalid(FakeResourceType.Crd, NameOf(crd), errors);
        }
    }

    private void RegisterCrd(JsonObject crd)
    {
        var name = NameOf(crd);
        var storage = (crd["spec"]!["versions"] as JsonArray)!.OfType<JsonObject>().First(v => v["storage"]?.GetValue<bool>() == true)["name"]!.GetValue<string>();
        Mutate(FakeResourceType.Crd, null, name, o => o["status"] = new JsonObject
        {
            ["conditions"] = new JsonArray(),
            ["acceptedNames"] = new JsonObject { ["plural"] = "", ["kind"] = "" },
            ["storedVersions"] = new JsonArray(storage),
        });
        After(CrdNamesAcceptedDelay, () =>
        {
            var live = Get(FakeResourceType.Crd, null, name);
            if (live is null)
            {
                return;
            }

            ServeTypes(live);
            var now = Now();
            Mutate(FakeResourceType.Crd, null, name, o =>
            {
                o["status"]!["acceptedNames"] = o["spec"]!["names"]!.DeepClone();
                o["status"]!["conditions"] = new JsonArray(
                    Condition("NamesAccepted", "True", "NoConflicts", "no conflicts found", now),
                    Condition("Established", "False", "Installing", "the initial names have been accepted", now));
            });
            After(CrdEstablishDelay, () =>
            {
                if (Get(FakeResourceType.Crd, null, name) is not { } current)
                {
                    return;
                }

                lock (_gate)
                {
                    foreach (var type in TypesOf(current))
                    {
                        _established.Add(Key(type));
                    }
                }

                Mutate(FakeResourceType.Crd, null, name, o => o["status"]!["conditions"]![1] = Condition("Established", "True", "InitialNamesAccepted", "the initial names have been accepted", Now()));
            });
        });
    }

    /// <summary>A changed CRD (a new version, a new schema) is served as it now is; its names were accepted already.</summary>
    private void CrdUpdated(JsonObject crd)
    {
        if (crd["status"]?["acceptedNames"]?["kind"]?.GetValue<string>() is { Length: > 0 })
        {
            ServeTypes(crd);
        }
    }

    private void ServeTypes(JsonObject crd)
    {
        lock (_gate)
        {
            foreach (var type in TypesOf(crd))
            {
                Register(type);
            }

            AddSchemas(crd);
        }
    }

    private static IEnumerable<FakeResourceType> TypesOf(JsonObject crd)
    {
        var spec = (JsonObject)crd["spec"]!;
        var names = (JsonObject)spec["names"]!;
        var group = spec["group"]!.GetValue<string>();
        var kind = names["kind"]!.GetValue<string>();
        var namespaced = spec["scope"]?.GetValue<string>() != "Cluster";
        var singular = names["singular"]?.GetValue<string>() ?? kind.ToLowerInvariant();
        var shortNames = names["shortNames"] is JsonArray s ? s.Select(n => n!.GetValue<string>()).ToList() : [];
        foreach (var version in ((JsonArray)spec["versions"]!).OfType<JsonObject>().Where(v => v["served"]?.GetValue<bool>() != false))
        {
            var hasStatus = version["subresources"]?["status"] is not null;
            yield return new FakeResourceType(group, version["name"]!.GetValue<string>(), names["plural"]!.GetValue<string>(), kind, namespaced, hasStatus, singular, shortNames) { IsCustom = true };
        }
    }

    /// <summary>Runs <paramref name="action"/> after <paramref name="delay"/> on the store's clock (at once when zero).</summary>
    private void After(TimeSpan delay, Action action)
    {
        if (delay <= TimeSpan.Zero)
        {
            action();
            return;
        }

        lock (_gate)
        {
            _timers.Add(_time.CreateTimer(_ => action(), null, delay, Timeout.InfiniteTimeSpan));
        }
    }

    private static JsonObject Condition(string type, string status, string reason, string message, string now) => new()
    {
        ["type"] = type,
        ["status"] = status,
        ["lastTransitionTime"] = now,
        ["reason"] = reason,
        ["message"] = message,
    };
}
