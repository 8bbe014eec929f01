namespace HomeOps.Core.Talos.Documents;

/// <summary>A mapping with ordered keys; each key remembers where it was written.</summary>
public sealed class DocMap(NodeOrigin origin) : DocNode(origin)
{
    public sealed class Entry(string key, DocNode value, NodeOrigin keyOrigin)
    {
        public string Key { get; } = key;

        public DocNode Value { get; set; } = value;

        public NodeOrigin KeyOrigin { get; set; } = keyOrigin;
    }

    public List<Entry> Entries { get; } = [];

    public DocNode? this[string key] => Find(key)?.Value;

    public Entry? Find(string key) => Entries.Find(e => string.Equals(e.Key, key, StringComparison.Ordinal));

    /// <summary>Sets <paramref name="key"/>, replacing an existing value in place (keeping its position).</summary>
    public DocMap Set(string key, DocNode value, NodeOrigin? keyOrigin = null)
    {
        var entry = Find(key);
        if (entry is null)
        {
            Entries.Add(new Entry(key, value, keyOrigin ?? value.Origin));
        }
        else
        {
            entry.Value = value;
            entry.KeyOrigin = keyOrigin ?? value.Origin;
        }

        return this;
    }

    public bool Remove(string key) => Entries.RemoveAll(e => string.Equals(e.Key, key, StringComparison.Ordinal)) > 0;

    /// <summary>The mapping at <paramref name="key"/>, created (with this map's origin) when missing.</summary>
    public DocMap Map(string key)
    {
        if (this[key] is DocMap existing)
        {
            return existing;
        }

        var created = new DocMap(Origin);
        Set(key, created);
        return created;
    }

    /// <summary>Follows a dotted path of mapping keys (keys themselves may not contain dots).</summary>
    public DocNode? At(string dottedPath)
    {
        DocNode? current = this;
        foreach (var part in dottedPath.Split('.'))
        {
            current = (current as DocMap)?[part];
            if (current is null)
            {
                return null;
            }
        }

        return current;
    }

    public string? StringAt(string dottedPath) => At(dottedPath) switch
    {
        DocScalar s => s.Value,
        DocSecret s => s.Value,
        _ => null,
    };

    public override DocNode Clone()
    {
        var copy = new DocMap(Origin);
        foreach (var entry in Entries)
        {
            copy.Entries.Add(new Entry(entry.Key, entry.Value.Clone(), entry.KeyOrigin));
        }

        return copy;
    }
}
