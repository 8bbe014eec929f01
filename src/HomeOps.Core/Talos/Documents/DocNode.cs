namespace HomeOps.Core.Talos.Documents;

/// <summary>
/// A node of a Talos config document being built: mutable while layers merge, with the origin of every value.
/// Mappings keep insertion order until <see cref="DocumentOrder"/> puts them in Talos's own field order.
/// </summary>
public abstract class DocNode(NodeOrigin origin)
{
    public NodeOrigin Origin { get; set; } = origin;

    public abstract DocNode Clone();
}
