namespace HomeOps.Core.Platform;

/// <summary>Comments in generated YAML (scalars are quoted by <see cref="Yaml.YamlScalarStyle"/>).</summary>
public static class YamlText
{
    /// <summary>Text for a one-line comment: line breaks become spaces.</summary>
    public static string CommentText(string value) =>
        string.Join(' ', value.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
