namespace HomeOps.Core.GitOps.Model;

/// <summary>
/// What a rendered chart says about its values: its values.yaml, its values.schema.json (when it ships one), the text
/// of its templates, and its subcharts under the key their values live at (the dependency's alias, else its name).
/// </summary>
public sealed record ChartContent(string Name, string? Version, string ValuesYaml, string? SchemaJson, string Templates, IReadOnlyList<Subchart> Subcharts);

/// <summary>
/// A bundled dependency: <see cref="Key"/> is where its values sit in the parent's values; <see cref="Condition"/> is
/// its Chart.yaml condition (comma-separated values paths; the first that holds a boolean enables or disables it).
/// </summary>
public sealed record Subchart(string Key, ChartContent Chart, string? Condition = null);
