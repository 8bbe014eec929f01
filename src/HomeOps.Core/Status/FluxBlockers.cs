using HomeOps.Core.Diagnostics;

namespace HomeOps.Core.Status;

/// <summary>
/// Follows spec.dependsOn from every Flux object that is not ready to the root causes of its wait. A root cause is
/// an object that is not ready while everything it depends on is (it fails on its own), a dependency that does not
/// exist, or a cycle of objects that wait on each other (Flux never detects those; they wait forever).
/// </summary>
public sealed class FluxBlockers
{
    private readonly Dictionary<string, FluxObject> _byId;
    private readonly Dictionary<string, IReadOnlyList<string>> _causes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FluxRootCause> _roots = new(StringComparer.Ordinal);

    public FluxBlockers(IReadOnlyList<FluxObject> objects)
    {
        _byId = objects.GroupBy(o => o.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var o in objects)
        {
            Resolve(o.Id, []);
        }
    }

    /// <summary>Every root cause, failing objects first, in the order of the objects.</summary>
    public IReadOnlyList<FluxRootCause> RootCauses => [.. _roots.Values];

    /// <summary>The root causes an object waits on: itself when it fails on its own, none when it is ready.</summary>
    public IReadOnlyList<string> RootCausesOf(string id) => _causes.GetValueOrDefault(id) ?? [];

    /// <summary>The objects a root cause keeps from becoming ready (not counting itself).</summary>
    public IReadOnlyList<string> Blocked(string root) =>
        [.. _causes.Where(kv => kv.Key != root && kv.Value.Contains(root, StringComparer.Ordinal)).Select(kv => kv.Key).Order(StringComparer.Ordinal)];

    private IReadOnlyList<string> Resolve(string id, List<string> path)
    {
        if (_causes.TryGetValue(id, out var known))
        {
            return known;
        }

        if (!_byId.TryGetValue(id, out var o))
        {
            var requiredBy = path.Count > 0 ? path[^1] : id;
            _roots.TryAdd(id, new FluxRootCause(id, "does not exist",
                DiagnosticCatalog.FluxDependencyMissing.At(Location, id, requiredBy)));
            return _causes[id] = [id];
        }

        if (o.IsReady || o.Suspended)
        {
            return _causes[id] = [];
        }

        var at = path.IndexOf(id);
        if (at >= 0)
        {
            // A cycle: every member waits on the next; the cycle as a whole is the root cause.
            var cycle = string.Join(" -> ", path.Skip(at).Append(id));
            var key = $"cycle:{string.Join(",", path.Skip(at).Order(StringComparer.Ordinal))}";
            _roots.TryAdd(key, new FluxRootCause(path[at], $"is in a dependency cycle: {cycle}", DiagnosticCatalog.FluxDependencyCycle.At(Location, cycle)));
            return [path[at]];
        }

        path.Add(id);
        var causes = new List<string>();
        foreach (var dependency in o.DependsOn)
        {
            foreach (var cause in Resolve(dependency, path))
            {
                if (!causes.Contains(cause, StringComparer.Ordinal))
                {
                    causes.Add(cause);
                }
            }
        }

        path.RemoveAt(path.Count - 1);
        if (causes.Count == 0)
        {
            _roots.TryAdd(id, new FluxRootCause(id, $"fails: {o.Problem}", DiagnosticCatalog.FluxNotReady.At(Location, id, o.Problem)));
            causes.Add(id);
        }

        // Members of a cycle are resolved again from their own start; only the outermost answer is kept.
        if (!_causes.ContainsKey(id))
        {
            _causes[id] = causes;
        }

        return causes;
    }

    private static SourceSpan Location => SourceSpan.File("cluster");
}

/// <summary>One root cause: the object at its start, why, and the catalogue entry that explains it.</summary>
public sealed record FluxRootCause(string Id, string Why, Diagnostic Diagnostic)
{
    public string Code => Diagnostic.Code;

    public string? Hint => Diagnostic.Hint;
}
