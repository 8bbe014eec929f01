namespace HomeOps.Runtime.OnePassword;

/// <summary>An item as `op item get --format json` returns it (the parts HomeOps reads).</summary>
public sealed record OnePasswordItem(string Id, string Title, string Vault, string Category, IReadOnlyList<OnePasswordField> Fields)
{
    public OnePasswordField? Field(string label) =>
        Fields.FirstOrDefault(f => string.Equals(f.Label, label, StringComparison.Ordinal))
        ?? Fields.FirstOrDefault(f => string.Equals(f.Id, label, StringComparison.Ordinal));
}
