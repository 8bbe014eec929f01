using System.Globalization;
using HomeOps.Core.Yaml;

namespace HomeOps.Core.GitOps.Kustomize;

/// <summary>
/// A JSON 6902 patch as kustomize applies it (api/filters/patchjson6902, gopkg.in/evanphx/json-patch.v4): add,
/// remove, replace and test on the resource's JSON. Patch values are read by sigs.k8s.io/yaml YAMLToJSON, whose
/// YAML 1.1 booleans (yes, on) are not reproduced. An operation kustomize would refuse, move, copy and negative
/// indexes go to the real kustomize.
/// </summary>
internal sealed class KustomizeJsonPatch(IReadOnlyList<KustomizeJsonPatch.Operation> operations)
{
    public sealed record Operation(string Op, IReadOnlyList<string> Path, object? Value);

    public static KustomizeJsonPatch FromYaml(YamlSequence sequence)
    {
        var operations = new List<Operation>();
        foreach (var item in sequence.Items)
        {
            if (item is not YamlMapping op || op.Entries.Any(e => e.Key.Value is not ("op" or "path" or "value")))
            {
                throw new KustomizeUnsupportedException("a JSON patch operation with fields other than op, path and value");
            }

            var name = op["op"] is { } o ? KustomizeValues.ScalarText(o) : string.Empty;
            if (name is not ("add" or "remove" or "replace" or "test"))
            {
                throw new KustomizeUnsupportedException($"the JSON patch operation '{name}'");
            }

            var path = op["path"] is { } p ? KustomizeValues.ScalarText(p) : throw new KustomizeUnsupportedException("a JSON patch operation without a path");
            var value = op["value"] is { } v ? Yaml11Value(v) : null;
            if (name != "remove" && op["value"] is null)
            {
                throw new KustomizeUnsupportedException("a JSON patch operation without a value");
            }

            operations.Add(new Operation(name, Pointer(path), value));
        }

        return new KustomizeJsonPatch(operations);
    }

    public void Apply(KustomizeResource resource)
    {
        var id = (resource.ApiVersion, resource.Kind, resource.CurrentName, resource.CurrentNamespace);
        foreach (var operation in operations)
        {
            Apply(resource.Body, operation);
        }

        if ((resource.ApiVersion, resource.Kind, resource.CurrentName, resource.CurrentNamespace) != id)
        {
            throw new KustomizeUnsupportedException("a JSON patch that renames its target");
        }
    }

    private static void Apply(Dictionary<string, object?> document, Operation operation)
    {
        if (operation.Path.Count == 0)
        {
            throw new KustomizeUnsupportedException("a JSON patch of the whole document");
        }

        object? parent = document;
        foreach (var step in operation.Path.Take(operation.Path.Count - 1))
        {
            parent = parent switch
            {
                Dictionary<string, object?> map when map.TryGetValue(step, out var next) => next,
                List<object?> list when Index(step, list.Count, allowEnd: false) is { } i => list[i],
                _ => throw new KustomizeUnsupportedException($"a JSON patch path that does not exist ({string.Join('/', operation.Path)})"),
            };
        }

        var key = operation.Path[^1];
        var value = KustomizeValues.DeepCopy(operation.Value);
        switch (parent, operation.Op)
        {
            case (Dictionary<string, object?> map, "add"):
                map[key] = value;
                break;
            case (Dictionary<string, object?> map, "replace" or "remove") when map.ContainsKey(key):
                if (operation.Op == "remove")
                {
                    map.Remove(key);
                }
                else
                {
                    map[key] = value;
                }

                break;
            case (Dictionary<string, object?> map, "test") when map.TryGetValue(key, out var current) && Equal(current, value):
                break;
            case (List<object?> list, "add"):
                list.Insert(key == "-" ? list.Count : Index(key, list.Count, allowEnd: true) ?? throw Invalid(operation), value);
                break;
            case (List<object?> list, "replace" or "remove") when Index(key, list.Count, allowEnd: false) is { } i:
                if (operation.Op == "remove")
                {
                    list.RemoveAt(i);
                }
                else
                {
                    list[i] = value;
                }

                break;
            case (List<object?> list, "test") when Index(key, list.Count, allowEnd: false) is { } i && Equal(list[i], value):
                break;
            default:
                throw Invalid(operation);
        }
    }

    private static KustomizeUnsupportedException Invalid(Operation operation) =>
        new($"a JSON patch operation kustomize refuses ({operation.Op} /{string.Join('/', operation.Path)})");

    private static int? Index(string step, int count, bool allowEnd) =>
        step.Length > 0 && step.All(char.IsAsciiDigit) && (step == "0" || step[0] != '0') && int.TryParse(step, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && (i < count || (allowEnd && i == count)) ? i : null;

    /// <summary>RFC 6901: "/a/b~1c" is ["a", "b/c"].</summary>
    private static List<string> Pointer(string path)
    {
        if (path.Length > 0 && path[0] != '/')
        {
            throw new KustomizeUnsupportedException($"the JSON pointer '{path}'");
        }

        return path.Length == 0 ? [] : [.. path[1..].Split('/').Select(p => p.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal))];
    }

    private static object? Yaml11Value(YamlNode node)
    {
        foreach (var scalar in Scalars(node))
        {
            if (scalar.IsPlain && (GoYamlResolve.NeedsQuotesV2(scalar.Value) != !(GoYamlResolve.DecodePlainV3(scalar.Value) is string)))
            {
                throw new KustomizeUnsupportedException($"the JSON patch value '{scalar.Value}' (YAML 1.1 reads it differently)");
            }
        }

        return KustomizeValues.FromYaml(node);
    }

    private static IEnumerable<YamlScalar> Scalars(YamlNode node) => node switch
    {
        YamlScalar s => [s],
        YamlSequence seq => seq.Items.SelectMany(Scalars),
        YamlMapping map => map.Entries.SelectMany(e => Scalars(e.Key).Concat(Scalars(e.Value))),
        _ => [],
    };

    private static bool Equal(object? a, object? b) => (a, b) switch
    {
        (Dictionary<string, object?> x, Dictionary<string, object?> y) => x.Count == y.Count && x.All(e => y.TryGetValue(e.Key, out var v) && Equal(e.Value, v)),
        (List<object?> x, List<object?> y) => x.Count == y.Count && x.Zip(y).All(p => Equal(p.First, p.Second)),
        (long x, double y) => x == y,
        (double x, long y) => x == y,
        _ => Equals(a, b),
    };
}
