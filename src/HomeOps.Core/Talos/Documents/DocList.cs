namespace HomeOps.Core.Talos.Documents;

public sealed class DocList(NodeOrigin origin) : DocNode(origin)
{
    public List<DocNode> Items { get; } = [];

    public DocList Add(DocNode item)
    {
        Items.Add(item);
        return this;
    }

    public override DocNode Clone()
    {
        var copy = new DocList(Origin);
        copy.Items.AddRange(Items.Select(i => i.Clone()));
        return copy;
    }
}
