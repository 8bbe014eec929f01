using System.Reflection;

namespace HomeOps.Core.Schema;

/// <summary>The shape of a configuration value, reflected once from the <see cref="ConfigObject"/> record types.</summary>
public abstract record SchemaType
{
    /// <summary>What a value of this type is called in messages ("a mapping", "an IPv4 or IPv6 CIDR").</summary>
    public abstract string Expectation { get; }
}

public sealed record ObjectSchemaType(Type ClrType, string Description, IReadOnlyList<PropertySchema> Properties) : SchemaType
{
    public override string Expectation => "a mapping";

    public PropertySchema? Find(string key) => Properties.FirstOrDefault(p => string.Equals(p.Key, key, StringComparison.Ordinal));
}

public sealed record ListSchemaType(SchemaType Item, int MinItems, int MaxItems) : SchemaType
{
    public override string Expectation => "a list";
}

public enum ScalarValueKind
{
    String,
    Integer,
    Boolean,
    Network,
    Address,
    Range,
    Enum,
}

public sealed record ScalarSchemaType(
    ScalarValueKind Kind,
    Type ClrType,
    ValueFormat? Format = null,
    long? Minimum = null,
    long? Maximum = null,
    IReadOnlyList<string>? EnumValues = null) : SchemaType
{
    public override string Expectation => Kind switch
    {
        ScalarValueKind.Integer => "a whole number",
        ScalarValueKind.Boolean => "true or false",
        ScalarValueKind.Network => "a CIDR such as 10.0.0.0/16",
        ScalarValueKind.Address => "an IP address",
        ScalarValueKind.Range => "an address range such as 10.0.0.10-10.0.0.20, or a CIDR",
        ScalarValueKind.Enum => "one of " + string.Join(", ", EnumValues ?? []),
        _ => Format is null ? "a string" : Format.Description,
    };
}

public sealed record PropertySchema(
    string Key,
    PropertyInfo Property,
    SchemaType Type,
    bool Required,
    string Description,
    string? Example,
    object? DefaultValue);
