using System.Text.RegularExpressions;

namespace HomeOps.Core.GitOps.Rules;

/// <summary>
/// Values a template leaves for the user to fill in (REPLACE_WITH_..., PLACEHOLDER, CHANGE_ME): a placeholder, not a
/// secret and not a setting.
/// </summary>
public static partial class Placeholders
{
    public static bool IsPlaceholderValue(string value) => PlaceholderWord().IsMatch(value);

    [GeneratedRegex(@"\b(REPLACE_WITH_[A-Z0-9_]*|REPLACE_ME|CHANGE_ME|PLACEHOLDER)\b")]
    private static partial Regex PlaceholderWord();
}
