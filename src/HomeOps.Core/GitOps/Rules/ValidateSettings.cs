using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using HomeOps.Core.Diagnostics;
using HomeOps.Core.GitOps.Model;
using HomeOps.Core.Yaml;

namespace HomeOps.Core.GitOps.Rules;

/// <summary>
/// The repository's <c>.homeops.yaml</c>: rule severity overrides, schema folders, the folders the unreferenced-file
/// rule scans, and the reviewed-exceptions baseline of the secret scan.
/// </summary>
public sealed record ValidateSettings
{
    public const string FileName = ".homeops.yaml";

    public IReadOnlyDictionary<string, DiagnosticSeverity> Severities { get; init; } = new Dictionary<string, DiagnosticSeverity>(StringComparer.Ordinal);

    public IReadOnlyList<string> SchemaDirectories { get; init; } = [];

    public IReadOnlyList<string> TreeRoots { get; init; } = ["clusters", "infrastructure", "apps"];

    public IReadOnlyList<SecretBaselineEntry> SecretsBaseline { get; init; } = [];

    /// <summary>
    /// Globs of files that are not this repository's own (test fixtures, examples of other trees): the rules that scan
    /// every tracked file (scripts and helmfiles, placeholders, secrets) leave them out.
    /// </summary>
    public IReadOnlyList<string> Exclude { get; init; } = [];

    /// <summary>Whether <paramref name="path"/> (repository-relative, '/' separated) matches an <see cref="Exclude"/> glob.</summary>
    public bool IsExcluded(string path) =>
        s_compiledGlobs.GetValue(Exclude, globs => [.. globs.Select(PathGlob.ToRegex)]).Any(r => r.IsMatch(path));

    /// <summary>Each Exclude list's globs, compiled once per list instead of once per file.</summary>
    private static readonly ConditionalWeakTable<IReadOnlyList<string>, Regex[]> s_compiledGlobs = new();

    /// <summary>Per chart name, the values paths the chart takes as free-form maps (HO3304 does not check keys below them).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> FreeFormValues { get; init; } = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);

    public static ValidateSettings Parse(string text, string path, DiagnosticBag diagnostics)
    {
        var root = YamlReader.ReadSingle(text, path, diagnostics);
        if (root is null or YamlScalar { IsNull: true })
        {
            return new ValidateSettings();
        }

        if (root is not YamlMapping m)
        {
            diagnostics.Add(DiagnosticCatalog.SettingsInvalid.At(root.Span, ".homeops.yaml must be a mapping"));
            return new ValidateSettings();
        }

        var severities = new Dictionary<string, DiagnosticSeverity>(StringComparer.Ordinal);
        foreach (var entry in m.Map("rules")?.Entries ?? [])
        {
            var descriptor = DiagnosticCatalog.Find(entry.Key.Value);
            if (descriptor is null)
            {
                diagnostics.Add(DiagnosticCatalog.SettingsInvalid.At(entry.Key.Span, $"Unknown rule '{entry.Key.Value}' in rules (use a code such as HO3210 or a name such as image-not-pinned)"));
                continue;
            }

            var value = entry.Value.Str() ?? string.Empty;
            if (!Enum.TryParse<DiagnosticSeverity>(value, ignoreCase: true, out var severity) || !Enum.IsDefined(severity) || int.TryParse(value, out _))
            {
                diagnostics.Add(DiagnosticCatalog.SettingsInvalid.At(entry.Value.Span, $"Severity '{value}' for {entry.Key.Value} is not one of error, warning, info, off"));
                continue;
            }

            severities[descriptor.Code] = severity;
        }

        foreach (var key in m.Entries.Select(e => e.Key).Where(k => k.Value is not ("rules" or "schemas" or "treeRoots" or "secretsBaseline" or "freeFormValues" or "exclude")))
        {
            diagnostics.Add(DiagnosticCatalog.SettingsInvalid.At(key.Span, $"Unknown key '{key.Value}' (known: rules, schemas, treeRoots, secretsBaseline, freeFormValues, exclude)"));
        }

        var freeForm = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var entry in m.Map("freeFormValues")?.Entries ?? [])
        {
            if (entry.Value is not YamlSequence paths || paths.Items.Any(p => p is not YamlScalar))
            {
                diagnostics.Add(DiagnosticCatalog.SettingsInvalid.At(entry.Value.Span, $"freeFormValues.{entry.Key.Value} must be a list of values paths such as 'authentik' or 'controller.config'"));
                continue;
            }

            freeForm[entry.Key.Value] = [.. paths.Items.OfType<YamlScalar>().Select(s => s.Value)];
        }

        var baseline = new List<SecretBaselineEntry>();
        foreach (var item in m.Seq("secretsBaseline"))
        {
            var entry = new SecretBaselineEntry(item.Str("path") ?? string.Empty, item.Str("fingerprint"), item.Str("reason") ?? string.Empty);
            if (entry.Path.Length == 0 || entry.Reason.Length == 0)
            {
                diagnostics.Add(DiagnosticCatalog.SettingsInvalid.At(item.Span, "A secretsBaseline entry needs 'path' (a file or glob) and 'reason' (why it was reviewed as safe)"));
                continue;
            }

            baseline.Add(entry);
        }

        var roots = m.Seq("treeRoots").OfType<YamlScalar>().Select(s => s.Value).ToList();
        return new ValidateSettings
        {
            Severities = severities,
            SchemaDirectories = [.. m.Seq("schemas").OfType<YamlScalar>().Select(s => s.Value)],
            TreeRoots = roots.Count > 0 ? roots : new ValidateSettings().TreeRoots,
            SecretsBaseline = baseline,
            FreeFormValues = freeForm,
            Exclude = [.. m.Seq("exclude").OfType<YamlScalar>().Select(s => s.Value)],
        };
    }

    /// <summary>Applies the severity overrides; "off" removes a diagnostic.</summary>
    public IReadOnlyList<Diagnostic> Apply(IEnumerable<Diagnostic> diagnostics) =>
        [.. diagnostics
            .Select(d => Severities.TryGetValue(d.Code, out var s) ? d.WithSeverity(s) : d)
            .Where(d => d.Severity != DiagnosticSeverity.Off)];
}

/// <summary>A reviewed exception of the secret scan: a file or glob, optionally one finding's fingerprint, and why it is safe.</summary>
public sealed record SecretBaselineEntry(string Path, string? Fingerprint, string Reason);
