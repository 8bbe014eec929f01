using System.Text.Json.Nodes;

namespace HomeOps.Fakes.Kubernetes;

/// <summary>Writes: the rules the real API server applies to metadata it owns, status and generation.</summary>
public sealed partial class FakeKubeStore
{
    /// <summary>Counts every write per kind and verb ("create secrets", "patch kustomizations", ...), for tests.</summary>
    public Dictionary<string, int> WriteCounts { get; } = new(StringComparer.Ordinal);

    /// <param name="fieldValidation">The request's fieldValidation ("Warn" when a client sends none); null for the
    /// writes of simulated controllers and tests, which prune unknown fields silently.</param>
    public JsonObject Create(FakeResourceType type, string? ns, JsonObject body, string? fieldValidation = null)
    {
        lock (_gate)
        {
            var obj = (JsonObject)body.DeepClone();
            var metadata = obj["metadata"] as JsonObject ?? throw Invalid(type, "", "metadata.name: Required value: name or generateName is required");
            var name = metadata["name"]?.GetValue<string>() ?? throw Invalid(type, "", "metadata.name: Required value: name or generateName is required");
            CheckTypeMeta(type, obj, name);
            Normalize(type, obj, name);
            ns = Scope(type, ns, metadata);
            if (metadata["resourceVersion"] is not null)
            {
                throw new FakeKubeException(KubeStatus.Failure(500, "InternalError", "resourceVersion should not be set on objects to be created"));
            }

            if (_objects.ContainsKey((Key(type), ns, name)))
            {
                throw new FakeKubeException(KubeStatus.AlreadyExists(type, name));
            }

            obj["apiVersion"] = type.ApiVersion;
            obj["kind"] = type.Kind;
            metadata["uid"] = Guid.NewGuid().ToString();
            metadata["creationTimestamp"] = Now();
            metadata["resourceVersion"] = NextRevision();
            if (type.HasStatus && type.Kind is not ("Node" or "Namespace"))
            {
                obj.Remove("status");
                metadata["generation"] = 1L;
            }

            CheckSchema(type, obj, name, fieldValidation);
            if (type.Kind == "CustomResourceDefinition")
            {
                CheckCrd(obj);
            }

            _objects[(Key(type), ns, name)] = obj;
            Count("create", type);
            Emit(type, "ADDED", obj);
            if (type.Kind == "CustomResourceDefinition")
            {
                RegisterCrd(obj);
            }

            return (JsonObject)_objects[(Key(type), ns, name)].DeepClone();
        }
    }

    /// <summary>PUT: the whole object (main resource) or only its status (<paramref name="status"/>).</summary>
    public JsonObject Replace(FakeResourceType type, string? ns, string name, JsonObject body, bool status, string? fieldValidation = null)
    {
        lock (_gate)
        {
            ns = type.Namespaced ? ns ?? string.Empty : string.Empty;
            CheckTypeMeta(type, body, name);
            var live = _objects.GetValueOrDefault((Key(type), ns, name)) ?? throw new FakeKubeException(KubeStatus.NotFound(type, name));
            var bodyName = body["metadata"]?["name"]?.GetValue<string>();
            if (bodyName is not null && bodyName != name)
            {
                throw new FakeKubeException(KubeStatus.Failure(400, "BadRequest", $"the name of the object ({bodyName}) does not match the name on the URL ({name})"));
            }

            var rv = body["metadata"]?["resourceVersion"]?.GetValue<string>();
            if (rv is null && type.IsCustom)
            {
                throw Invalid(type, name, "metadata.resourceVersion: Invalid value: 0x0: must be specified for an update");
            }

            if (rv is not null && rv != live["metadata"]!["resourceVersion"]!.GetValue<string>())
            {
                throw new FakeKubeException(KubeStatus.Conflict(type, name));
            }

            return Store(type, ns, name, live, (JsonObject)body.DeepClone(), status, "update", fieldValidation);
        }
    }

    /// <summary>PATCH with merge-patch or apply-patch semantics; apply creates a missing object.</summary>
    public (JsonObject Object, bool Created) Patch(FakeResourceType type, string? ns, string name, JsonObject patch, bool apply, bool status, string? fieldValidation = null)
    {
        lock (_gate)
        {
            ns = type.Namespaced ? ns ?? string.Empty : string.Empty;
            if (apply)
            {
                CheckTypeMeta(type, patch, name);
            }

            var live = _objects.GetValueOrDefault((Key(type), ns, name));
            if (live is null)
            {
                if (!apply || status)
                {
                    throw new FakeKubeException(KubeStatus.NotFound(type, name));
                }

                var body = (JsonObject)patch.DeepClone();
                (body["metadata"] as JsonObject)?.Remove("resourceVersion");
                return (Create(type, ns, body, fieldValidation), true);
            }

            // A resourceVersion in a merge patch is a precondition (client-go's MergeFromWithOptimisticLock relies on it):
            // a stale one is the same 409 a stale PUT gets.
            if (!apply && patch["metadata"]?["resourceVersion"]?.GetValue<string>() is { } expected
                && expected != live["metadata"]!["resourceVersion"]!.GetValue<string>())
            {
                throw new FakeKubeException(KubeStatus.Conflict(type, name));
            }

            var merged = (JsonObject)(apply ? JsonMerge.Apply(live, patch) : JsonMerge.MergePatch(live, patch))!;
            return (Store(type, ns, name, live, merged, status, apply ? "apply" : "patch", fieldValidation), false);
        }
    }

    /// <summary>For simulated controllers and tests: change an object in place (status included), as a controller would.</summary>
    public JsonObject? Mutate(FakeResourceType type, string? ns, string name, Action<JsonObject> change)
    {
        lock (_gate)
        {
            ns = type.Namespaced ? ns ?? string.Empty : string.Empty;
            var live = _objects.GetValueOrDefault((Key(type), ns, name));
            if (live is null)
            {
                return null;
            }

            var copy = (JsonObject)live.DeepClone();
            change(copy);
            if (JsonMerge.Same(copy, live))
            {
                return copy;
            }

            copy["metadata"]!["resourceVersion"] = NextRevision();
            if (Finalized(type, ns, name, live, copy))
            {
                return (JsonObject)copy.DeepClone();
            }

            _objects[(Key(type), ns, name)] = copy;
            Emit(type, "MODIFIED", copy);
            return (JsonObject)copy.DeepClone();
        }
    }

    /// <summary>
    /// A delete. An object with finalizers is not removed: it gets metadata.deletionTimestamp (and
    /// deletionGracePeriodSeconds 0) and stays, terminating, until a write empties its finalizers; deleting it again
    /// changes nothing (the registry's BeforeDelete/deletionFinalizersForGarbageCollection, without the garbage collector).
    /// </summary>
    public JsonObject? Delete(FakeResourceType type, string? ns, string name)
    {
        lock (_gate)
        {
            ns = type.Namespaced ? ns ?? string.Empty : string.Empty;
            if (_objects.TryGetValue((Key(type), ns, name), out var held) && held["metadata"]?["finalizers"] is JsonArray { Count: > 0 })
            {
                if (held["metadata"]!["deletionTimestamp"] is not null)
                {
                    return (JsonObject)held.DeepClone();
                }

                var terminating = (JsonObject)held.DeepClone();
                terminating["metadata"]!["deletionTimestamp"] = Now();
                terminating["metadata"]!["deletionGracePeriodSeconds"] = 0;
                terminating["metadata"]!["resourceVersion"] = NextRevision();
                _objects[(Key(type), ns, name)] = terminating;
                Count("delete", type);
                Emit(type, "MODIFIED", terminating);
                return (JsonObject)terminating.DeepClone();
            }

            if (!_objects.Remove((Key(type), ns, name), out var live))
            {
                return null;
            }

            live["metadata"]!["resourceVersion"] = NextRevision();
            Count("delete", type);
            Emit(type, "DELETED", live);
            return live;
        }
    }

    private JsonObject Store(FakeResourceType type, string ns, string name, JsonObject live, JsonObject next, bool status, string verb, string? fieldValidation)
    {
        Normalize(type, next, name);
        var metadata = next["metadata"] as JsonObject ?? [];
        next["metadata"] = metadata;
        next["apiVersion"] = type.ApiVersion;
        next["kind"] = type.Kind;
        var liveMeta = (JsonObject)live["metadata"]!;
        foreach (var owned in new[] { "uid", "creationTimestamp", "generation", "name", "namespace" })
        {
            metadata[owned] = liveMeta[owned]?.DeepClone();
        }

        foreach (var owned in new[] { "deletionTimestamp", "deletionGracePeriodSeconds" })
        {
            if (liveMeta[owned] is { } kept)
            {
                metadata[owned] = kept.DeepClone();
            }
            else
            {
                metadata.Remove(owned);
            }
        }

        if (status)
        {
            // The status subresource changes status only.
            var kept = (JsonObject)live.DeepClone();
            kept["status"] = next["status"]?.DeepClone();
            next = kept;
        }
        else if (type.HasStatus)
        {
            next["status"] = live["status"]?.DeepClone();
            if (liveMeta["generation"] is not null && !SameSpec(live, next))
            {
                next["metadata"]!["generation"] = liveMeta["generation"]!.GetValue<long>() + 1;
            }
        }

        CheckSchema(type, next, name, fieldValidation);
        if (type.Kind == "CustomResourceDefinition" && !status)
        {
            CheckCrd(next);
        }

        if (JsonMerge.Same(WithoutVersion(next), WithoutVersion(live)))
        {
            return (JsonObject)live.DeepClone();
        }

        next["metadata"]!["resourceVersion"] = NextRevision();
        if (Finalized(type, ns, name, live, next))
        {
            Count(status ? verb + " status" : verb, type);
            return (JsonObject)next.DeepClone();
        }

        _objects[(Key(type), ns, name)] = next;
        Count(status ? verb + " status" : verb, type);
        Emit(type, "MODIFIED", next);
        if (type.Kind == "CustomResourceDefinition" && !status)
        {
            CrdUpdated(next);
        }

        return (JsonObject)next.DeepClone();
    }

    /// <summary>
    /// An object a delete left for its finalizers (deletionGracePeriodSeconds 0) whose last finalizer a write removed is
    /// gone (DELETED), not stored. An object terminating with a grace period, as a test marks a pod whose kubelet is
    /// still stopping it (<see cref="Mutate"/>), stays through any write: only the kubelet's final delete removes it.
    /// </summary>
    private bool Finalized(FakeResourceType type, string ns, string name, JsonObject live, JsonObject next)
    {
        if (live["metadata"]?["deletionTimestamp"] is null || live["metadata"]?["deletionGracePeriodSeconds"]?.ToJsonString() is not "0"
            || next["metadata"]?["finalizers"] is JsonArray { Count: > 0 })
        {
            return false;
        }

        _objects.Remove((Key(type), ns, name));
        Emit(type, "DELETED", next);
        return true;
    }

    private static bool SameSpec(JsonObject a, JsonObject b)
    {
        static JsonObject Strip(JsonObject o)
        {
            var copy = (JsonObject)o.DeepClone();
            copy.Remove("metadata");
            copy.Remove("status");
            return copy;
        }

        return JsonMerge.Same(Strip(a), Strip(b));
    }

    private static JsonObject WithoutVersion(JsonObject o)
    {
        var copy = (JsonObject)o.DeepClone();
        (copy["metadata"] as JsonObject)?.Remove("resourceVersion");
        return copy;
    }

    private string Scope(FakeResourceType type, string? ns, JsonObject metadata)
    {
        if (!type.Namespaced)
        {
            metadata.Remove("namespace");
            return string.Empty;
        }

        var bodyNs = metadata["namespace"]?.GetValue<string>();
        if (bodyNs is not null && ns is not null && bodyNs != ns)
        {
            throw new FakeKubeException(KubeStatus.Failure(400, "BadRequest", "the namespace of the provided object does not match the namespace sent on the request"));
        }

        ns = ns ?? bodyNs ?? "default";
        if (!_objects.ContainsKey(($"/v1/namespaces", string.Empty, ns)))
        {
            throw new FakeKubeException(KubeStatus.Failure(404, "NotFound", $"namespaces \"{ns}\" not found", ns, FakeResourceType.Core("namespaces", "Namespace", false)));
        }

        metadata["namespace"] = ns;
        return ns;
    }

    private void Count(string verb, FakeResourceType type)
    {
        var key = $"{verb} {type.Plural}";
        WriteCounts[key] = WriteCounts.GetValueOrDefault(key) + 1;
    }

    private static FakeKubeException Invalid(FakeResourceType type, string name, string detail) =>
        new(KubeStatus.Failure(422, "Invalid", $"{type.Kind}{(type.Group.Length > 0 ? "." + type.Group : "")} \"{name}\" is invalid: {detail}"));
}
