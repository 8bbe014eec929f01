using HomeOps.Core.Yaml;

namespace HomeOps.Core.Schema;

/// <summary>
/// Strict validation of one object against its schema, as the API server with strict field validation would judge
/// it: unknown fields, wrong scalar types (a quoted "80" where an integer belongs, a bare number where a string
/// belongs), missing required fields and values outside an enum. Nulls count as absent, as they do for the server.
/// </summary>
public sealed class SchemaValidator(BuiltinSchemas? builtin)
{
    private const int MaxViolations = 50;

    public IReadOnlyList<SchemaViolation> Validate(YamlMapping obj, KindSchema schema)
    {
        var violations = new List<SchemaViolation>();
        var path = new List<object>();
        // Every object's metadata is checked as ObjectMeta, whatever a CRD says about it.
        var root = schema.Root;
        if (builtin is not null)
        {
            var merged = new Dictionary<string, SchemaNode>(root.Properties ?? new Dictionary<string, SchemaNode>(), StringComparer.Ordinal)
            {
                ["metadata"] = builtin.ObjectMeta,
                ["apiVersion"] = new SchemaNode { Type = "string" },
                ["kind"] = new SchemaNode { Type = "string" },
            };
            root = new SchemaNode
            {
                Type = "object",
                Properties = merged,
                Required = root.Required,
                AdditionalAllowed = root.AdditionalAllowed,
                PreserveUnknown = root.PreserveUnknown,
            };
        }

        Check(obj, root, path, violations);
        return violations;
    }

    private void Check(YamlNode node, SchemaNode schema, List<object> path, List<SchemaViolation> violations)
    {
        if (violations.Count >= MaxViolations)
        {
            return;
        }

        if (schema.Ref is not null)
        {
            if (builtin?.Definition(schema.Ref) is not { } resolved)
            {
                return;
            }

            schema = resolved;
        }

        if (node is YamlScalar { IsNull: true })
        {
            return;
        }

        if (schema.HasAlternatives && schema.Type is null)
        {
            return;
        }

        if (schema.IntOrString || IsQuantity(schema))
        {
            if (node is not YamlScalar)
            {
                violations.Add(new(ViolationKind.WrongType, [.. path], $"must be an integer or a string, found a {node.KindName}"));
            }

            return;
        }

        switch (schema.Type)
        {
            case "object" or null when node is YamlMapping m:
                CheckMapping(m, schema, path, violations);
                break;
            case "object":
                if (schema.Type is not null)
                {
                    violations.Add(new(ViolationKind.WrongType, [.. path], $"must be a mapping, found a {node.KindName}"));
                }

                break;
            case "array":
                if (node is YamlSequence s)
                {
                    for (var i = 0; i < s.Items.Count && schema.Items is not null; i++)
                    {
                        path.Add(i);
                        Check(s.Items[i], schema.Items, path, violations);
                        path.RemoveAt(path.Count - 1);
                    }
                }
                else
                {
                    violations.Add(new(ViolationKind.WrongType, [.. path], $"must be a list, found a {node.KindName}"));
                }

                break;
            case "string" or "integer" or "number" or "boolean":
                CheckScalar(node, schema, path, violations);
                break;
        }
    }

    private void CheckMapping(YamlMapping m, SchemaNode schema, List<object> path, List<SchemaViolation> violations)
    {
        foreach (var required in schema.Required)
        {
            if (m[required] is null or YamlScalar { IsNull: true })
            {
                violations.Add(new(ViolationKind.MissingRequired, [.. path], $"'{required}' is required"));
            }
        }

        foreach (var entry in m.Entries)
        {
            path.Add(entry.Key.Value);
            if (schema.Properties is not null && schema.Properties.TryGetValue(entry.Key.Value, out var property))
            {
                Check(entry.Value, property, path, violations);
            }
            else if (schema.Additional is not null)
            {
                Check(entry.Value, schema.Additional, path, violations);
            }
            else if (schema.IsClosed)
            {
                violations.Add(new(ViolationKind.UnknownField, [.. path], $"unknown field '{entry.Key.Value}'"));
            }

            path.RemoveAt(path.Count - 1);
        }
    }

    private static void CheckScalar(YamlNode node, SchemaNode schema, List<object> path, List<SchemaViolation> violations)
    {
        if (node is not YamlScalar s)
        {
            violations.Add(new(ViolationKind.WrongType, [.. path], $"must be {Word(schema.Type!)}, found a {node.KindName}"));
            return;
        }

        var kind = ScalarKinds.Classify(s);
        var ok = schema.Type switch
        {
            "string" => kind == ScalarKind.String,
            "integer" => kind == ScalarKind.Integer,
            "number" => kind is ScalarKind.Integer or ScalarKind.Float,
            "boolean" => kind == ScalarKind.Boolean,
            _ => true,
        };
        if (!ok)
        {
            var hint = schema.Type == "string" ? $" (quote it: \"{s.Value}\")" : string.Empty;
            violations.Add(new(ViolationKind.WrongType, [.. path], $"must be {Word(schema.Type!)}, found {s.KindName} '{Shorten(s.Value)}'{hint}"));
            return;
        }

        if (schema.Enum is { Count: > 0 } allowed && !allowed.Contains(s.Value, StringComparer.Ordinal))
        {
            violations.Add(new(ViolationKind.NotAllowedValue, [.. path], $"'{Shorten(s.Value)}' is not one of {string.Join(", ", allowed.Take(12))}"));
        }
    }

    private static bool IsQuantity(SchemaNode schema) => schema.Format == "quantity";

    private static string Word(string type) => type switch
    {
        "integer" => "an integer",
        "number" => "a number",
        "boolean" => "a boolean (true or false)",
        _ => "a string",
    };

    private static string Shorten(string value) => value.Length > 40 ? value[..40] + "…" : value;
}
