namespace HomeOps.Core.Schema;

/// <summary>Marks a property as a YAML key of a configuration object, with its documentation.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ConfigKeyAttribute(string name, string description) : Attribute
{
    public string Name { get; } = name;

    public string Description { get; } = description;

    /// <summary>The key must be present and non-null.</summary>
    public bool Required { get; init; }

    /// <summary>An example value for the docs, when the default does not show one.</summary>
    public string? Example { get; init; }

    /// <summary>Restricts a string value to a named format, one of the <see cref="ValueFormats"/> constants.</summary>
    public string? Format { get; init; }
}

/// <summary>Documents a configuration object type (shown in the JSON Schema and the reference docs).</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class ConfigObjectAttribute(string description) : Attribute
{
    public string Description { get; } = description;
}

/// <summary>Inclusive bounds for an integer value.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class RangeAttribute(long minimum, long maximum) : Attribute
{
    public long Minimum { get; } = minimum;

    public long Maximum { get; } = maximum;
}

/// <summary>Bounds on the number of items of a list.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ItemsAttribute(int minimum, int maximum = int.MaxValue) : Attribute
{
    public int Minimum { get; } = minimum;

    public int Maximum { get; } = maximum;
}

/// <summary>The YAML spelling of an enum member (defaults to the member name in camelCase).</summary>
[AttributeUsage(AttributeTargets.Field)]
public sealed class ConfigValueAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}
