namespace HomeOps.Core.Status;

/// <summary>
/// One object a status section reports on (a node, a Kustomization, a volume): its name, health, a one-line detail
/// for people and the same facts as fields for machines (JSON output, the MCP server, upgrade gates).
/// </summary>
public sealed record StatusItem(string Name, Health Health, string Detail)
{
    /// <summary>Machine-readable facts in a stable order ("ready" = "True", "revision" = "main@sha1:...").</summary>
    public IReadOnlyList<StatusField> Fields { get; init; } = [];

    public string? Field(string key) => Fields.FirstOrDefault(f => f.Key == key)?.Value;
}

/// <summary>One named fact of a <see cref="StatusItem"/>.</summary>
public sealed record StatusField(string Key, string Value);
