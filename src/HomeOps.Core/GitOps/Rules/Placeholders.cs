using System.Text.RegularExpressions;

namespace HomeOps.Core.GitOps.Rules;

/// <summary>
/// Values a template leaves for the user to fill in (REPLACE_WITH_..., PLACEHOLDER, CHANGE_ME): a placeholder, not a
/// secret and not a setting (HO3206 skips them; HO3243 reports them).
/// </summary>
public static partial class Placeholders
{
    public static bool IsPlaceholderValue(string value) => PlaceholderWord().IsMatch(value);

    /// <summary>The first placeholder word in <paramref name="text"/>, or null.</summary>
    public static string? Find(string text) => PlaceholderWord().Match(text) is { Success: true } m ? m.Value : null;

    [GeneratedRegex(@"\b(REPLACE_WITH_[A-Z0-9_]*|REPLACE_ME|CHANGE_ME|PLACEHOLDER)\b")]
    private static partial Regex PlaceholderWord();
}
