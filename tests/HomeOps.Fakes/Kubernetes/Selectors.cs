using System.Text.Json.Nodes;
using HomeOps.Core.Diagnostics;
using HomeOps.Core.GitOps.Rules;
using HomeOps.Core.Yaml;

namespace HomeOps.Fakes.Kubernetes;

/// <summary>
/// labelSelector (k=v, k==v, k!=v, k, !k) and fieldSelector filters: metadata.name and metadata.namespace for every
/// kind, plus the fields the real registry makes selectable for pods (pkg/registry/core/pod/strategy.go
/// PodToSelectableFields: spec.nodeName, spec.restartPolicy, spec.schedulerName, spec.serviceAccountName,
/// status.phase, status.podIP, status.nominatedNodeName) and nodes (spec.unschedulable); any other field is refused
/// as the server refuses it, 400 "field label not supported". Also the LabelSelector objects of PodDisruptionBudgets
/// and workloads (matchLabels, matchExpressions).
/// </summary>
public static class Selectors
{
    private static readonly string[] s_podFields = ["spec.nodeName", "spec.restartPolicy", "spec.schedulerName", "spec.serviceAccountName", "status.phase", "status.podIP", "status.nominatedNodeName"];

    public static Func<JsonObject, bool>? Parse(string? labelSelector, string? fieldSelector, string? kind = null)
    {
        var tests = new List<Func<JsonObject, bool>>();
        foreach (var term in Split(labelSelector))
        {
            tests.Add(Label(term));
        }

        foreach (var term in Split(fieldSelector))
        {
            tests.Add(Field(term, kind));
        }

        return tests.Count == 0 ? null : o => tests.TrueForAll(t => t(o));
    }

    private static IEnumerable<string> Split(string? selector) =>
        string.IsNullOrWhiteSpace(selector) ? [] : selector.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static Func<JsonObject, bool> Label(string term)
    {
        static string? Value(JsonObject o, string key) => o["metadata"]?["labels"]?[key]?.GetValue<string>();
        if (term.Contains("!=", StringComparison.Ordinal))
        {
            var (k, v) = Pair(term, "!=");
            return o => Value(o, k) != v;
        }

        if (term.Contains('=', StringComparison.Ordinal))
        {
            var (k, v) = Pair(term, term.Contains("==", StringComparison.Ordinal) ? "==" : "=");
            return o => Value(o, k) == v;
        }

        return term.StartsWith('!') ? o => Value(o, term[1..]) is null : o => Value(o, term) is not null;
    }

    private static Func<JsonObject, bool> Field(string term, string? kind)
    {
        var negate = term.Contains("!=", StringComparison.Ordinal);
        var (k, v) = Pair(term, negate ? "!=" : term.Contains("==", StringComparison.Ordinal) ? "==" : "=");
        Func<JsonObject, string?> read = k switch
        {
            "metadata.name" => o => o["metadata"]?["name"]?.GetValue<string>(),
            "metadata.namespace" => o => o["metadata"]?["namespace"]?.GetValue<string>(),
            _ when kind == "Pod" && s_podFields.Contains(k) => o => Path(o, k)?.GetValue<string>() ?? string.Empty,
            "spec.unschedulable" when kind == "Node" => o => (o["spec"]?["unschedulable"]?.GetValue<bool>() ?? false) ? "true" : "false",
            _ => throw new FakeKubeException(KubeStatus.Failure(400, "BadRequest", $"field label not supported: {k}")),
        };
        return negate ? o => read(o) != v : o => read(o) == v;
    }

    private static JsonNode? Path(JsonObject o, string dotted) =>
        dotted.Split('.').Aggregate((JsonNode?)o, (node, part) => node?[part]);

    /// <summary>
    /// Whether a metav1.LabelSelector (matchLabels, matchExpressions) selects these labels, by the product's own
    /// matcher (<see cref="LabelSelector"/>). A null or empty selector selects nothing here, as the eviction handler
    /// reads it (eviction.go getPodDisruptionBudgets), where the product's rule reads a missing one as everything.
    /// </summary>
    public static bool Matches(JsonNode? selector, JsonNode? labels)
    {
        if (selector is not JsonObject s || ((s["matchLabels"] as JsonObject)?.Count ?? 0) + ((s["matchExpressions"] as JsonArray)?.Count ?? 0) == 0)
        {
            return false;
        }

        var set = (labels as JsonObject)?.Where(kv => kv.Value is JsonValue).ToDictionary(kv => kv.Key, kv => kv.Value!.ToString(), StringComparer.Ordinal)
            ?? new Dictionary<string, string>(StringComparer.Ordinal);
        return LabelSelector.Matches(YamlJson.FromJson(s, SourceSpan.File("selector")), set);
    }

    private static (string Key, string Value) Pair(string term, string op)
    {
        var at = term.IndexOf(op, StringComparison.Ordinal);
        return (term[..at].Trim(), term[(at + op.Length)..].Trim());
    }
}
