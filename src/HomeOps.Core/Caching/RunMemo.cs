using System.Collections.Concurrent;

namespace HomeOps.Core.Caching;

/// <summary>
/// What earlier runs worked out, by key, and what this run read or added of it. The caller loads it from the last
/// run and keeps <see cref="Used"/> for the next one, so the store follows the tree instead of growing with it.
/// </summary>
public sealed class RunMemo<T>
    where T : notnull
{
    private readonly ConcurrentDictionary<string, T> _known = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, T> _used = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _added = new(StringComparer.Ordinal);

    /// <param name="known">What an earlier run kept; a key given twice counts once.</param>
    public RunMemo(IEnumerable<KeyValuePair<string, T>> known)
    {
        foreach (var (key, value) in known)
        {
            _known.TryAdd(key, value);
        }
    }

    /// <summary>True when this run added an entry.</summary>
    public bool Added => !_added.IsEmpty;

    /// <summary>The entries this run read or added.</summary>
    public IReadOnlyDictionary<string, T> Used => _used;

    public bool TryGet(string key, out T value)
    {
        if (!_known.TryGetValue(key, out value!))
        {
            return false;
        }

        _used[key] = value;
        return true;
    }

    public void Add(string key, T value)
    {
        _known[key] = value;
        _used[key] = value;
        _added[key] = true;
    }

    /// <summary>Whether this run added the entry (rather than read it from an earlier run).</summary>
    public bool AddedNow(string key) => _added.ContainsKey(key);
}
