namespace HomeOps.Core.GitOps.Output;

/// <summary>One object that differs between two renders of the tree.</summary>
public sealed record ObjectChange(string Group, string Object, char Kind, string Diff);

/// <summary>Compares two renders (see <see cref="RenderedObjects.Collect"/>) object by object.</summary>
public static class TreeDiff
{
    public static IReadOnlyList<ObjectChange> Compare(
        SortedDictionary<string, SortedDictionary<string, string>> before,
        SortedDictionary<string, SortedDictionary<string, string>> after)
    {
        var changes = new List<ObjectChange>();
        foreach (var group in before.Keys.Union(after.Keys).Order(StringComparer.Ordinal))
        {
            var a = before.GetValueOrDefault(group) ?? [];
            var b = after.GetValueOrDefault(group) ?? [];
            foreach (var key in a.Keys.Union(b.Keys).Order(StringComparer.Ordinal))
            {
                var old = a.GetValueOrDefault(key);
                var @new = b.GetValueOrDefault(key);
                if (old == @new)
                {
                    continue;
                }

                var kind = old is null ? '+' : @new is null ? '-' : '~';
                changes.Add(new ObjectChange(group, key, kind, LineDiff.Unified(old ?? string.Empty, @new ?? string.Empty)));
            }
        }

        return changes;
    }
}
