namespace HomeOps.Core.Graph;

/// <summary>
/// A directed graph of named nodes where an edge A → B means "A depends on B" (B must be ready first).
/// One type serves Flux Kustomization dependsOn, bootstrap steps and status ("X waits on Y").
/// Nodes keep insertion order, so every traversal is deterministic.
/// </summary>
public sealed class DependencyGraph<T>
    where T : notnull
{
    private readonly Dictionary<string, T> _nodes = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];
    private readonly Dictionary<string, List<string>> _dependencies = new(StringComparer.Ordinal);

    public IReadOnlyList<string> Names => _order;

    public int Count => _order.Count;

    public T this[string name] => _nodes[name];

    public bool Contains(string name) => _nodes.ContainsKey(name);

    /// <summary>Adds a node; returns false (and changes nothing) when the name exists already.</summary>
    public bool Add(string name, T value)
    {
        if (!_nodes.TryAdd(name, value))
        {
            return false;
        }

        _order.Add(name);
        _dependencies[name] = [];
        return true;
    }

    /// <summary>Records that <paramref name="from"/> depends on <paramref name="to"/>. Both must exist.</summary>
    public void AddDependency(string from, string to)
    {
        if (!_nodes.ContainsKey(from) || !_nodes.ContainsKey(to))
        {
            throw new ArgumentException($"Both '{from}' and '{to}' must be nodes of the graph");
        }

        if (!_dependencies[from].Contains(to, StringComparer.Ordinal))
        {
            _dependencies[from].Add(to);
        }
    }

    public IReadOnlyList<string> DependenciesOf(string name) => _dependencies[name];

    public IReadOnlyList<string> DependentsOf(string name) =>
        [.. _order.Where(n => _dependencies[n].Contains(name, StringComparer.Ordinal))];

    /// <summary>Everything <paramref name="name"/> depends on, directly or not.</summary>
    public IReadOnlySet<string> Ancestors(string name)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<string>(_dependencies[name]);
        while (stack.Count > 0)
        {
            var next = stack.Pop();
            if (seen.Add(next))
            {
                foreach (var dependency in _dependencies[next])
                {
                    stack.Push(dependency);
                }
            }
        }

        return seen;
    }

    /// <summary>
    /// A cycle as a path that starts and ends at the same node (a → b → c → a), or null when the graph is acyclic.
    /// </summary>
    public IReadOnlyList<string>? FindCycle()
    {
        var state = new Dictionary<string, int>(StringComparer.Ordinal); // 0 new, 1 on stack, 2 done
        var path = new List<string>();
        foreach (var start in _order)
        {
            if (state.GetValueOrDefault(start) == 0 && Visit(start, state, path) is { } cycle)
            {
                return cycle;
            }
        }

        return null;
    }

    private List<string>? Visit(string node, Dictionary<string, int> state, List<string> path)
    {
        // Iterative depth-first search: dependency chains in real trees are short, but input is untrusted.
        var stack = new Stack<(string Node, int Next)>();
        stack.Push((node, 0));
        state[node] = 1;
        path.Add(node);
        while (stack.Count > 0)
        {
            var (current, next) = stack.Pop();
            var dependencies = _dependencies[current];
            if (next < dependencies.Count)
            {
                stack.Push((current, next + 1));
                var dependency = dependencies[next];
                switch (state.GetValueOrDefault(dependency))
                {
                    case 1:
                        var from = path.IndexOf(dependency);
                        return [.. path.Skip(from), dependency];
                    case 0:
                        state[dependency] = 1;
                        path.Add(dependency);
                        stack.Push((dependency, 0));
                        break;
                }
            }
            else
            {
                state[current] = 2;
                path.RemoveAt(path.Count - 1);
            }
        }

        return null;
    }

    /// <summary>
    /// Nodes grouped by depth: level 0 depends on nothing, level n only on lower levels. Within a level, insertion
    /// order. Throws <see cref="InvalidOperationException"/> on a cycle; call <see cref="FindCycle"/> first.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<string>> Levels()
    {
        // Kahn's algorithm: a node's depth is one more than its deepest dependency.
        var unresolved = _order.ToDictionary(n => n, n => _dependencies[n].Count, StringComparer.Ordinal);
        var dependents = _order.ToDictionary(n => n, _ => new List<string>(), StringComparer.Ordinal);
        foreach (var n in _order)
        {
            foreach (var d in _dependencies[n])
            {
                dependents[d].Add(n);
            }
        }

        var depth = new Dictionary<string, int>(StringComparer.Ordinal);
        var queue = new Queue<string>(_order.Where(n => unresolved[n] == 0));
        while (queue.Count > 0)
        {
            var n = queue.Dequeue();
            depth[n] = _dependencies[n].Count == 0 ? 0 : _dependencies[n].Max(d => depth[d]) + 1;
            foreach (var dependent in dependents[n])
            {
                if (--unresolved[dependent] == 0)
                {
                    queue.Enqueue(dependent);
                }
            }
        }

        if (depth.Count != _order.Count)
        {
            throw new InvalidOperationException("The graph has a cycle: " + string.Join(" → ", FindCycle() ?? []));
        }

        var levels = new List<List<string>>();
        foreach (var n in _order)
        {
            while (levels.Count <= depth[n])
            {
                levels.Add([]);
            }

            levels[depth[n]].Add(n);
        }

        return levels;
    }

    /// <summary>A dependency-first order of every node (stable for equal depths).</summary>
    public IReadOnlyList<string> TopologicalOrder() => [.. Levels().SelectMany(l => l)];

    /// <summary>The depth of every node (see <see cref="Levels"/>).</summary>
    public IReadOnlyDictionary<string, int> Depths()
    {
        var result = new Dictionary<string, int>(StringComparer.Ordinal);
        var levels = Levels();
        for (var i = 0; i < levels.Count; i++)
        {
            foreach (var n in levels[i])
            {
                result[n] = i;
            }
        }

        return result;
    }
}
