using System.Text.RegularExpressions;
using HomeOps.Core.Diagnostics;
using HomeOps.Core.Yaml;
using HomeOps.Tree.Tests.Tree;

namespace HomeOps.Tree.Tests.Charts;

/// <summary>
/// The output of charts/authentik-proxy-config: its objects, the blueprint inside the ExternalSecret's template
/// (as External Secrets would write it, with each 1Password value replaced by a sample) and the blueprint's entries.
/// </summary>
internal sealed partial record Blueprint(IReadOnlyList<YamlMapping> Objects, string Text, IReadOnlyList<string> EntryTexts, IReadOnlyList<YamlMapping> Entries)
{
    public static Blueprint From(string helmOutput)
    {
        var objects = YamlReader.ReadAll(helmOutput, "helm-template", new DiagnosticBag()).OfType<YamlMapping>().ToList();
        var secret = objects.Single(o => o.Text("kind") == "ExternalSecret");
        var template = secret.Entries("spec", "target", "template", "data").Single().Value.Text()!;
        var text = SecretReference().Replace(template, m => $"\"sample-{m.Groups["key"].Value}\"");
        var bag = new DiagnosticBag();
        var document = YamlReader.ReadSingle(text, "blueprint", bag);
        if (bag.HasErrors)
        {
            throw new InvalidOperationException("the blueprint is not valid YAML once External Secrets fills it in: " + string.Join("; ", bag.Items));
        }

        var entries = document.Items("entries").OfType<YamlMapping>().ToList();
        // Each entry as text, from its "- model:" line to the next and without comment lines, for comparing two renders.
        var entryTexts = EntryStart().Split(text[text.IndexOf("entries:", StringComparison.Ordinal)..]).Skip(1)
            .Select(e => "- model:" + string.Join('\n', e.Split('\n').Where(l => !l.TrimStart().StartsWith('#'))).TrimEnd())
            .ToList();
        return new Blueprint(objects, text, entryTexts, entries);
    }

    public IEnumerable<YamlMapping> OfKind(string kind) => Objects.Where(o => o.Text("kind") == kind);

    [GeneratedRegex(@"\{\{ index \. ""(?<key>[^""]+)"" \| toJson \}\}")]
    private static partial Regex SecretReference();

    [GeneratedRegex(@"\n  - model:")]
    private static partial Regex EntryStart();
}
