namespace HomeOps.Core.Talos.Diff;

public enum ChangeKind
{
    Added,
    Removed,
    Changed,
}

/// <summary>One changed value: its path (document, then keys), and the old and new text (null when redacted or absent).</summary>
public sealed record ConfigChange(ChangeKind Kind, string Path, string? Old, string? New, bool Secret)
{
    public override string ToString()
    {
        var mark = Kind switch { ChangeKind.Added => "+", ChangeKind.Removed => "-", _ => "~" };
        if (Secret)
        {
            return $"{mark} {Path}: (secret {Kind.ToString().ToLowerInvariant()})";
        }

        return Kind switch
        {
            ChangeKind.Added => $"{mark} {Path}: {New}",
            ChangeKind.Removed => $"{mark} {Path}: {Old}",
            _ => $"{mark} {Path}: {Old} -> {New}",
        };
    }
}
