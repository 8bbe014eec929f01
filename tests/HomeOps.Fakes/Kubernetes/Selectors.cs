using System.Text.Json.Nodes;

namespace HomeOps.Fakes.Kubernetes;

/// <summary>labelSelector (k=v, k==v, k!=v, k, !k) and fieldSelector (metadata.name, metadata.namespace) filters.</summary>
public static class Selectors
{
    public static Func<JsonObject, bool>? Parse(string? labelSelector, string? fieldSelector)
    {
        var tests = new List<Func<JsonObject, bool>>();
        foreach (var term in Split(labelSelector))
        {
            tests.Add(Label(term));
        }

        foreach (var term in Split(fieldSelector))
        {
            tests.Add(Field(term));
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

    private static Func<JsonObject, bool> Field(string term)
    {
        var negate = term.Contains("!=", StringComparison.Ordinal);
        var (k, v) = Pair(term, negate ? "!=" : term.Contains("==", StringComparison.Ordinal) ? "==" : "=");
        Func<JsonObject, string?> read = k switch
        {
            "metadata.name" => o => o["metadata"]?["name"]?.GetValue<string>(),
            "metadata.namespace" => o => o["metadata"]?["namespace"]?.GetValue<string>(),
            _ => throw new FakeKubeException(KubeStatus.Failure(400, "BadRequest", $"\"{k}\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\"")),
        };
        return negate ? o => read(o) != v : o => read(o) == v;
    }

    private static (string Key, string Value) Pair(string term, string op)
    {
        var at = term.IndexOf(op, StringComparison.Ordinal);
        return (term[..at].Trim(), term[(at + op.Length)..].Trim());
    }
}
