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

    /// <summary>
    /// Whether some label set matches both selectors (a missing selector matches everything). Each key's
    /// requirements are combined: In sets intersect, NotIn values are excluded, and DoesNotExist rules out In and
    /// Exists; keys are independent, so the selectors can match together exactly when every key can be satisfied.
    /// </summary>
    public static bool Intersects(YamlNode? a, YamlNode? b)
    {
        var keys = new Dictionary<string, KeyConstraint>(StringComparer.Ordinal);
        foreach (var selector in new[] { a, b }.OfType<YamlMapping>())
        {
            foreach (var (key, value) in selector.StringMap("matchLabels"))
            {
                Constraint(keys, key).Require([value]);
            }

            foreach (var expression in selector.Seq("matchExpressions"))
            {
                var constraint = Constraint(keys, expression.Str("key") ?? string.Empty);
                var values = expression.Seq("values").OfType<YamlScalar>().Select(s => s.Value).ToList();
                switch (expression.Str("operator"))
                {
                    case "In":
                        constraint.Require(values);
                        break;
                    case "NotIn":
                        constraint.Excluded.UnionWith(values);
                        break;
                    case "Exists":
                        constraint.MustExist = true;
                        break;
                    case "DoesNotExist":
                        constraint.MustNotExist = true;
                        break;
                    default:
                        return false; // an unknown operator matches nothing (as in Matches)
                }
            }
        }

        return keys.Values.All(k => k.Satisfiable);
    }

    private static KeyConstraint Constraint(Dictionary<string, KeyConstraint> keys, string key)
    {
        if (!keys.TryGetValue(key, out var constraint))
        {
            keys[key] = constraint = new KeyConstraint();
        }

        return constraint;
    }

    private sealed class KeyConstraint
    {
        public HashSet<string>? Allowed { get; private set; }

        public HashSet<string> Excluded { get; } = new(StringComparer.Ordinal);

        public bool MustExist { get; set; }

        public bool MustNotExist { get; set; }

        public bool Satisfiable => MustNotExist
            ? Allowed is null && !MustExist
            : Allowed is null || Allowed.Except(Excluded).Any();

        public void Require(IEnumerable<string> values)
        {
            if (Allowed is null)
            {
                Allowed = new HashSet<string>(values, StringComparer.Ordinal);
            }
            else
            {
                Allowed.IntersectWith(values);
            }
        }
    }
}
