namespace HomeOps.Core.Talos.Documents;

/// <summary>
/// A value taken from the secrets bundle, such as machine.ca.key. <see cref="Value"/> is null when configs are rendered
/// without secrets (`homeops check`): the structure is still validated, and the writer refuses to serialise it,
/// so a document without its secrets can never reach a file.
/// </summary>
public sealed class DocSecret(string name, string? value, NodeOrigin origin) : DocNode(origin)
{
    /// <summary>The bundle entry, such as certs.os.key.</summary>
    public string Name { get; } = name;

    public string? Value { get; } = value;

    public override DocNode Clone() => new DocSecret(Name, Value, Origin);

    public override string ToString() => $"<secret {Name}>";
}
