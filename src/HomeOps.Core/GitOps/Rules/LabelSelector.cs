using HomeOps.Core.GitOps.Model;
using HomeOps.Core.Yaml;

namespace HomeOps.Core.GitOps.Rules;

/// <summary>Kubernetes label selectors (matchLabels + matchExpressions). A missing selector selects everything.</summary>
public static class LabelSelector
{
    public static bool Matches(YamlNode? selector, IReadOnlyDictionary<string, string> labels)
    {
        if (selector is not YamlMapping m)
        {
            return true;
        }

        foreach (var (key, value) in m.StringMap("matchLabels"))
        {
            if (!labels.TryGetValue(key, out var actual) || actual != value)
            {
                return false;
            }
        }

        foreach (var expression in m.Seq("matchExpressions"))
        {
            var key = expression.Str("key") ?? string.Empty;
            var values = expression.Seq("values").OfType<YamlScalar>().Select(s => s.Value).ToList();
            var has = labels.TryGetValue(key, out var actual);
            var ok = expression.Str("operator") switch
            {
                "In" => has && values.Contains(actual!),
                "NotIn" => !has || !values.Contains(actual!),
                "Exists" => has,
                "DoesNotExist" => !has,
                _ => false,
            };
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }
}
