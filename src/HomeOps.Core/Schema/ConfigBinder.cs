using System.Collections;
using System.Net;
using HomeOps.Core.Diagnostics;
using HomeOps.Core.Networking;
using HomeOps.Core.Text;
using HomeOps.Core.Yaml;

namespace HomeOps.Core.Schema;

/// <summary>
/// Turns a positioned YAML tree into typed <see cref="ConfigObject"/> records, checking keys, types, formats and
/// ranges against the schema reflected from those records. Every problem is a diagnostic; nothing throws.
/// Returns null when a required value is missing or any value could not be read.
/// </summary>
public sealed class ConfigBinder(DiagnosticBag diagnostics)
{
    private ObjectSchemaType? _root;

    public T? Bind<T>(YamlNode root)
        where T : ConfigObject
    {
        var before = diagnostics.ErrorCount;
        _root = SchemaReflector.Describe<T>();
        var result = BindObject(root, _root, "the file");
        return diagnostics.ErrorCount > before ? null : (T?)result;
    }

    private object? BindObject(YamlNode node, ObjectSchemaType type, string path)
    {
        if (node is not YamlMapping mapping)
        {
            diagnostics.Add(DiagnosticCatalog.WrongType.At(node.Span, Describe(path), type.Expectation, Found(node)));
            return null;
        }

        var instance = (ConfigObject)Activator.CreateInstance(type.ClrType)!;
        var spans = new Dictionary<string, SourceSpan>(StringComparer.Ordinal);
        var ok = true;

        foreach (var entry in mapping.Entries)
        {
            if (type.Find(entry.Key.Value) is null)
            {
                ReportUnknownKey(entry.Key, type, path);
                ok = false;
            }
        }

        foreach (var property in type.Properties)
        {
            var entry = mapping.Find(property.Key);
            var childPath = Join(path, property.Key);
            if (entry is null || entry.Value is YamlScalar { IsNull: true })
            {
                if (property.Required)
                {
                    var where = entry is null ? "is missing" : "has no value";
                    diagnostics.Add(DiagnosticCatalog.MissingRequired.At(entry?.Key.Span ?? mapping.Span, childPath, where, property.Key, Describe(path)));
                    ok = false;
                }

                continue;
            }

            var (value, bound) = BindValue(entry.Value, property.Type, childPath, spans, property.Property.Name);
            if (!bound)
            {
                ok = false;
                continue;
            }

            spans[property.Property.Name] = entry.Value.Span;
            property.Property.SetValue(instance, value);
        }

        instance.SetSpans(mapping.Span, spans);
        return ok ? instance : null;
    }

    private (object? Value, bool Ok) BindValue(YamlNode node, SchemaType type, string path, Dictionary<string, SourceSpan> spans, string propertyName)
    {
        switch (type)
        {
            case ObjectSchemaType objectType:
                var obj = BindObject(node, objectType, path);
                return (obj, obj is not null);
            case ListSchemaType listType:
                return BindList(node, listType, path, spans, propertyName);
            case ScalarSchemaType scalarType:
                return BindScalar(node, scalarType, path);
            default:
                throw new InvalidOperationException($"Unknown schema type {type.GetType().Name}");
        }
    }

    private (object? Value, bool Ok) BindList(YamlNode node, ListSchemaType type, string path, Dictionary<string, SourceSpan> spans, string propertyName)
    {
        if (node is not YamlSequence sequence)
        {
            diagnostics.Add(DiagnosticCatalog.WrongType.At(node.Span, Describe(path), type.Expectation, Found(node)));
            return (null, false);
        }

        var itemType = type.Item switch
        {
            ObjectSchemaType o => o.ClrType,
            ScalarSchemaType s => s.ClrType,
            _ => typeof(object),
        };
        var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(itemType))!;
        var ok = true;
        for (var i = 0; i < sequence.Items.Count; i++)
        {
            var item = sequence.Items[i];
            var (value, bound) = BindValue(item, type.Item, $"{path}[{i}]", spans, propertyName);
            if (bound)
            {
                list.Add(value);
                spans[$"{propertyName}[{list.Count - 1}]"] = item.Span;
            }

            ok &= bound;
        }

        if (sequence.Items.Count < type.MinItems || sequence.Items.Count > type.MaxItems)
        {
            var needs = type.MaxItems == int.MaxValue ? $"at least {type.MinItems}"
                : type.MinItems == type.MaxItems ? $"exactly {type.MinItems}" : $"{type.MinItems} to {type.MaxItems}";
            diagnostics.Add(DiagnosticCatalog.ItemCount.At(sequence.Span, path, sequence.Items.Count, needs));
            ok = false;
        }

        return (list, ok);
    }

    private (object? Value, bool Ok) BindScalar(YamlNode node, ScalarSchemaType type, string path)
    {
        if (node is not YamlScalar scalar)
        {
            diagnostics.Add(DiagnosticCatalog.WrongType.At(node.Span, Describe(path), type.Expectation, Found(node)));
            return (null, false);
        }

        var kind = ScalarKinds.Classify(scalar);
        var text = scalar.Value;
        switch (type.Kind)
        {
            case ScalarValueKind.Integer:
                if (kind == ScalarKind.Integer && ScalarKinds.TryParseInteger(text, out var number))
                {
                    if (number < type.Minimum || number > type.Maximum)
                    {
                        diagnostics.Add(DiagnosticCatalog.OutOfRange.At(scalar.Span, Describe(path), number, type.Minimum, type.Maximum));
                        return (null, false);
                    }

                    return (type.ClrType == typeof(int) ? (object)(int)number : number, true);
                }

                if (kind is ScalarKind.Float && text.All(c => char.IsAsciiDigit(c) || c is '-' or '+'))
                {
                    diagnostics.Add(DiagnosticCatalog.OutOfRange.At(scalar.Span, Describe(path), Shorten(text), type.Minimum, type.Maximum));
                    return (null, false);
                }

                return WrongType(scalar, type, path);
            case ScalarValueKind.Boolean:
                return kind == ScalarKind.Boolean && ScalarKinds.TryParseBoolean(text, out var flag) ? (flag, true) : WrongType(scalar, type, path);
            case ScalarValueKind.Enum:
                return BindEnum(scalar, type, path);
        }

        // Strings and network values: a plain number or boolean where text is expected is a type error
        // (`vault: 1` or `name: true`), except that addresses are plain scalars by nature.
        if (kind is ScalarKind.Boolean || (kind is ScalarKind.Integer or ScalarKind.Float && type.Kind == ScalarValueKind.String && type.Format is not null))
        {
            return WrongType(scalar, type, path);
        }

        return type.Kind switch
        {
            ScalarValueKind.Network => IpNetwork.TryParse(text, out var network) ? (network, true) : Invalid(scalar, path, "is not a CIDR", type.Expectation),
            ScalarValueKind.Address => IpAddressMath.TryParseAddress(text, out var address) ? (address, true) : Invalid(scalar, path, "is not an IP address", type.Expectation),
            ScalarValueKind.Range => BindRange(scalar, path, type),
            _ => BindString(scalar, type, path),
        };
    }

    private (object? Value, bool Ok) BindString(YamlScalar scalar, ScalarSchemaType type, string path)
    {
        if (type.Format is { } format && format.Check(scalar.Value) is { } reason)
        {
            return Invalid(scalar, path, reason, format.Description);
        }

        return (scalar.Value, true);
    }

    private (object? Value, bool Ok) BindRange(YamlScalar scalar, string path, ScalarSchemaType type)
    {
        if (IpRange.TryParse(scalar.Value, out var start, out var end))
        {
            return (new IpRange(start, end), true);
        }

        return Invalid(scalar, path, "is not an address range (start-end)", type.Expectation);
    }

    private (object? Value, bool Ok) BindEnum(YamlScalar scalar, ScalarSchemaType type, string path)
    {
        var names = SchemaReflector.EnumNames(type.ClrType);
        if (names.TryGetValue(scalar.Value, out var value))
        {
            return (value, true);
        }

        var suggestion = Suggestions.Closest(scalar.Value, names.Keys);
        var hint = suggestion is null ? $"Use one of: {string.Join(", ", names.Keys)}" : $"Did you mean '{suggestion}'?";
        diagnostics.Add(DiagnosticCatalog.NotAllowedValue.At(scalar.Span, Describe(path), Shorten(scalar.Value), string.Join(", ", names.Keys), hint));
        return (null, false);
    }

    private (object? Value, bool Ok) Invalid(YamlScalar scalar, string path, string reason, string expectation)
    {
        diagnostics.Add(DiagnosticCatalog.InvalidFormat.At(scalar.Span, Describe(path), Shorten(scalar.Value), reason, expectation));
        return (null, false);
    }

    private (object? Value, bool Ok) WrongType(YamlScalar scalar, ScalarSchemaType type, string path)
    {
        diagnostics.Add(DiagnosticCatalog.WrongType.At(scalar.Span, Describe(path), type.Expectation, Found(scalar)));
        return (null, false);
    }

    private void ReportUnknownKey(YamlScalar key, ObjectSchemaType type, string path)
    {
        var siblings = type.Properties.Select(p => p.Key).ToList();
        var suggestion = Suggestions.Closest(key.Value, siblings);
        string hint;
        if (suggestion is not null)
        {
            hint = $"Did you mean '{suggestion}'?";
        }
        else if (_root is not null && FindHome(_root, key.Value, string.Empty, depth: 0) is { } home)
        {
            hint = $"'{key.Value}' belongs under '{home}'; move it there";
        }
        else
        {
            hint = siblings.Count == 0 ? "Remove it" : $"Remove it, or use one of: {string.Join(", ", siblings)}";
        }

        diagnostics.Add(DiagnosticCatalog.UnknownKey.At(key.Span, Shorten(key.Value), Describe(path), hint));
    }

    private static string Found(YamlNode node) => node switch
    {
        YamlScalar s when s.IsNull => "nothing",
        YamlScalar s => $"{s.KindName} '{Shorten(s.Value)}'",
        _ => $"a {node.KindName}",
    };

    private static string Describe(string path) => path == "the file" ? "the top level" : $"'{path}'";

    private static string Join(string path, string key) => path == "the file" ? key : $"{path}.{key}";

    internal static string Shorten(string value)
    {
        var oneLine = value.Replace("\n", "\\n", StringComparison.Ordinal).Replace("\r", "\\r", StringComparison.Ordinal);
        return oneLine.Length <= 60 ? oneLine : string.Concat(oneLine.AsSpan(0, 57), "...");
    }

    /// <summary>The dotted path of the first object in the schema that has <paramref name="key"/>, for misplaced keys.</summary>
    private static string? FindHome(ObjectSchemaType type, string key, string path, int depth)
    {
        if (depth > 8)
        {
            return null;
        }

        foreach (var property in type.Properties)
        {
            if (string.Equals(property.Key, key, StringComparison.Ordinal) && path.Length > 0)
            {
                return path;
            }
        }

        foreach (var property in type.Properties)
        {
            var child = property.Type switch
            {
                ObjectSchemaType o => o,
                ListSchemaType { Item: ObjectSchemaType o } => o,
                _ => null,
            };
            var childPath = property.Type is ListSchemaType ? $"{property.Key}[]" : property.Key;
            if (child is not null && FindHome(child, key, path.Length == 0 ? childPath : $"{path}.{childPath}", depth + 1) is { } home)
            {
                return home;
            }
        }

        return null;
    }
}
