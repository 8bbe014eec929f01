using HomeOps.Core.Diagnostics;
using HomeOps.Core.Talos.Documents;
using HomeOps.Core.Text;
using HomeOps.Core.Yaml;

namespace HomeOps.Core.Schema;

/// <summary>
/// Checks a document against the Talos v1.10 schema. Values are typed as Go's yaml.v3 decodes them into Talos's
/// structs: any scalar may fill a string field, but numbers and booleans must be numbers and booleans, and null
/// leaves a field at its zero value. Each diagnostic points at the file and line the offending value came from.
/// </summary>
public sealed class TalosDocumentValidator(TalosSchema schema, DiagnosticBag diagnostics)
{
    // Fields Talos v1.10 accepts although its published schema leaves them out (deprecated but still decoded).
    private static readonly Dictionary<string, string> s_unlistedFields = new(StringComparer.Ordinal) { ["persist"] = "boolean" };

    public void Validate(DocMap document)
    {
        var root = schema.For(document);
        if (root is null)
        {
            var kinds = string.Join(", ", schema.DocumentKinds.Select(k => k.Kind));
            var kind = document.Find("kind");
            diagnostics.Add(DiagnosticCatalog.TalosUnknownKind.At((kind?.Value.Origin ?? document.Origin).Span, document.StringAt("kind") ?? "(none)", document.StringAt("apiVersion") ?? "(none)", kinds));
            return;
        }

        ValidateNode(document, root, string.Empty, isRoot: TalosDocument.IsV1Alpha1(document));
    }

    private void ValidateNode(DocNode node, SchemaNode schemaNode, string path, bool isRoot = false)
    {
        var s = schema.Resolve(schemaNode);
        if (node is DocScalar { Kind: ScalarKind.Null })
        {
            return;
        }

        if (s.OneOf.Count > 0)
        {
            var trial = new DiagnosticBag();
            if (!s.OneOf.Any(option => { var probe = new TalosDocumentValidator(schema, trial); probe.ValidateNode(node, option, path); return !trial.HasErrors; }))
            {
                diagnostics.Add(DiagnosticCatalog.TalosWrongType.At(node.Origin.Span, Display(path), "one of " + string.Join(" or ", s.OneOf.Select(o => Expectation(schema.Resolve(o)))), Found(node)));
            }

            return;
        }

        if (s.Types.Count > 0 && !s.Types.Any(t => Fits(node, t)))
        {
            diagnostics.Add(DiagnosticCatalog.TalosWrongType.At(node.Origin.Span, Display(path), Expectation(s), Found(node)));
            return;
        }

        switch (node)
        {
            case DocMap map:
                ValidateMap(map, s, path, isRoot);
                break;
            case DocList list when s.Items is not null:
                for (var i = 0; i < list.Items.Count; i++)
                {
                    ValidateNode(list.Items[i], s.Items, $"{path}[{i}]");
                }

                break;
            case DocScalar scalar:
                ValidateScalar(scalar, scalar.Value, s, path);
                break;
        }
    }

    private void ValidateMap(DocMap map, SchemaNode s, string path, bool isRoot)
    {
        foreach (var entry in map.Entries)
        {
            var childPath = path.Length == 0 ? entry.Key : $"{path}.{entry.Key}";
            var child = s.ValueSchema(entry.Key);
            if (child is null)
            {
                if (isRoot && s_unlistedFields.TryGetValue(entry.Key, out var type))
                {
                    if (!Fits(entry.Value, type))
                    {
                        diagnostics.Add(DiagnosticCatalog.TalosWrongType.At(entry.Value.Origin.Span, childPath, "a " + type, Found(entry.Value)));
                    }

                    continue;
                }

                if (!s.AdditionalAllowed)
                {
                    var candidates = s.PropertiesOrEmpty.Keys.ToList();
                    var closest = Suggestions.Closest(entry.Key, candidates);
                    var where = path.Length == 0 ? string.Empty : $" ('{path}' has {Shorten(candidates)})";
                    var hint = closest is not null ? $"Did you mean '{closest}'?" : "Remove it, or check the Talos v1.10 configuration reference for the right place";
                    diagnostics.Add(DiagnosticCatalog.TalosUnknownField.At(entry.KeyOrigin.Span, childPath, where, hint));
                }

                continue;
            }

            ValidateNode(entry.Value, child, childPath);
        }

        foreach (var required in s.Required)
        {
            if (map.Find(required) is null)
            {
                diagnostics.Add(DiagnosticCatalog.TalosMissingField.At(map.Origin.Span, path.Length == 0 ? "The document" : $"'{path}'", required));
            }
        }
    }

    private void ValidateScalar(DocNode node, string value, SchemaNode s, string path)
    {
        if (s.Enum is { } allowed && !allowed.Contains(value, StringComparer.Ordinal))
        {
            diagnostics.Add(DiagnosticCatalog.TalosValueNotAllowed.At(node.Origin.Span, Display(path), value, string.Join(", ", allowed)));
        }

        if (s.Format == "uri" && !Uri.TryCreate(value, UriKind.Absolute, out _))
        {
            diagnostics.Add(DiagnosticCatalog.TalosPatternMismatch.At(node.Origin.Span, Display(path), value, "an absolute URI"));
        }

        if (s.Pattern is { } pattern && !pattern.IsMatch(value))
        {
            diagnostics.Add(DiagnosticCatalog.TalosPatternMismatch.At(node.Origin.Span, Display(path), value, pattern.ToString()));
        }
    }

    private static bool Fits(DocNode node, string type) => (type, node) switch
    {
        ("object", DocMap) => true,
        ("array", DocList) => true,
        ("string", DocScalar or DocSecret) => true,
        ("integer", DocScalar { Kind: ScalarKind.Integer }) => true,
        ("number", DocScalar { Kind: ScalarKind.Integer or ScalarKind.Float }) => true,
        ("boolean", DocScalar { Kind: ScalarKind.Boolean }) => true,
        ("null", DocScalar { Kind: ScalarKind.Null }) => true,
        _ => false,
    };

    private static string Expectation(SchemaNode s) => s.Types.Count == 0 ? "a value" : string.Join(" or ", s.Types.Select(t => t switch
    {
        "object" => "a mapping",
        "array" => "a list",
        "integer" => "an integer",
        _ => "a " + t,
    }));

    private static string Found(DocNode node) => node switch
    {
        DocMap => "a mapping",
        DocList => "a list",
        DocScalar s => $"{KindName(s.Kind)} '{s.Value}'",
        _ => "a secret",
    };

    private static string KindName(ScalarKind kind) => kind switch
    {
        ScalarKind.Boolean => "the boolean",
        ScalarKind.Integer or ScalarKind.Float => "the number",
        ScalarKind.Null => "null",
        _ => "the string",
    };

    private static string Display(string path) => path.Length == 0 ? "(document)" : path;

    private static string Shorten(List<string> names) =>
        names.Count <= 8 ? string.Join(", ", names) : string.Join(", ", names.Take(8)) + ", ...";
}
