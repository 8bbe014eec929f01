using System.Text.RegularExpressions;

namespace HomeOps.Tree.Tests.Tree;

/// <summary>
/// Enough of Flux's post-build substitution for these tests: plain ${NAME} references (the tree uses no operators),
/// $${ as an escape, and strict mode's "undefined is an error". `homeops validate` carries the real engine.
/// </summary>
internal static partial class Substitution
{
    public static (string Text, HashSet<string> Used, HashSet<string> Undefined) Apply(string text, IReadOnlyDictionary<string, string> variables)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        var undefined = new HashSet<string>(StringComparer.Ordinal);
        var result = Reference().Replace(text, match =>
        {
            if (match.Groups["escape"].Success)
            {
                return "${";
            }

            var name = match.Groups["name"].Value;
            used.Add(name);
            if (variables.TryGetValue(name, out var value))
            {
                return value;
            }

            undefined.Add(name);
            return string.Empty;
        });
        return (result, used, undefined);
    }

    /// <summary>The variable names referenced in a text (for checking files Flux does not substitute).</summary>
    public static IReadOnlySet<string> References(string text) =>
        Apply(text, new Dictionary<string, string>()).Used;

    [GeneratedRegex(@"(?<escape>\$\$\{)|\$\{(?<name>[A-Za-z_][A-Za-z0-9_]*)\}")]
    private static partial Regex Reference();
}
