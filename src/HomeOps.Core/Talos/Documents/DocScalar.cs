using HomeOps.Core.Yaml;

namespace HomeOps.Core.Talos.Documents;

/// <summary>A scalar: its text and what YAML type it is (a string "1000" and the number 1000 differ).</summary>
public sealed class DocScalar(string value, ScalarKind kind, NodeOrigin origin) : DocNode(origin)
{
    public string Value { get; } = value;

    public ScalarKind Kind { get; } = kind;

    public static DocScalar String(string value, NodeOrigin origin) => new(value, ScalarKind.String, origin);

    public static DocScalar Bool(bool value, NodeOrigin origin) => new(value ? "true" : "false", ScalarKind.Boolean, origin);

    public static DocScalar Int(long value, NodeOrigin origin) =>
        new(value.ToString(System.Globalization.CultureInfo.InvariantCulture), ScalarKind.Integer, origin);

    public override DocNode Clone() => new DocScalar(Value, Kind, Origin);

    public override string ToString() => Value;
}
