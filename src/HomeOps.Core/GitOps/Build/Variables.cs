using System.Text;
using HomeOps.Core.Diagnostics;
using HomeOps.Core.GitOps.Flux;
using HomeOps.Core.GitOps.Model;

namespace HomeOps.Core.GitOps.Build;

/// <summary>
/// Resolves a Kustomization's postBuild variables as kustomize-controller does: substituteFrom in list order (later
/// keys win), then inline substitute on top, every value with newlines removed, every key checked against Flux's
/// name rule. Returns null when there is no postBuild (no substitution at all).
/// </summary>
public static class Variables
{
    public static Dictionary<string, string>? Resolve(KustomizationNode node, IEnumerable<KubeObject> known, DiagnosticBag diagnostics)
    {
        var postBuild = node.Spec.PostBuild;
        if (postBuild is null)
        {
            return null;
        }

        var vars = new Dictionary<string, string>(StringComparer.Ordinal);
        var objects = known.ToList();
        foreach (var from in postBuild.SubstituteFrom)
        {
            var source = objects.Find(o => o.Kind == from.Kind && o.Group.Length == 0 && o.Name == from.Name && (o.Namespace ?? node.Spec.Namespace) == node.Spec.Namespace);
            var external = source is null && from.Kind == "Secret" ? ExternalSecretKeys(objects, from.Name, node.Spec.Namespace, node) : null;
            if (source is null && external is null)
            {
                if (!from.Optional)
                {
                    // Flux fails the whole build here; substitute what is known (defaults included) so the report
                    // shows this one cause rather than every unsubstituted expression.
                    node.VariablesIncomplete = true;
                    diagnostics.Add(DiagnosticCatalog.SubstituteFromMissing.At(node.Spec.Object.Origin.Locate("spec", "postBuild", "substituteFrom"), node.Id, from.Kind, from.Name, node.Spec.Namespace));
                }

                continue;
            }

            if (source is not null)
            {
                node.VariableFiles.Add(source.Origin.File);
            }

            var data = external ?? Data(source!);
            foreach (var (key, value) in data)
            {
                vars[key] = value;
                node.VariableSources[key] = $"{from.Kind} {from.Name}";
                if (!Substitution.IsValidVariableName(key))
                {
                    var at = source is null ? node.Spec.Object.Origin.Locate("spec", "postBuild", "substituteFrom") : source.Origin.Locate("data", key);
                    diagnostics.Add(DiagnosticCatalog.SubstitutionVariableNameInvalid.At(at, key, $"{from.Kind} {from.Name}"));
                }
            }
        }

        foreach (var (key, entry) in postBuild.Substitute)
        {
            vars[key] = entry.Value is Yaml.YamlScalar s ? s.Value : string.Empty;
            node.VariableSources[key] = "postBuild.substitute";
            if (!Substitution.IsValidVariableName(key))
            {
                diagnostics.Add(DiagnosticCatalog.SubstitutionVariableNameInvalid.At(node.Spec.Object.Origin.Locate("spec", "postBuild", "substitute", key), key, "postBuild.substitute"));
            }
        }

        if (node.VariablesIncomplete && vars.Count == 0)
        {
            vars["_homeops_unresolved"] = string.Empty;
        }

        foreach (var key in vars.Keys.ToList())
        {
            vars[key] = vars[key].Replace("\n", string.Empty, StringComparison.Ordinal);
        }

        return vars;
    }

    private static Dictionary<string, string> Data(KubeObject obj)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (k, v) in obj.Root.StringMap("data"))
        {
            result[k] = obj.Kind == "Secret" ? Decode(v) : v;
        }

        if (obj.Kind == "Secret")
        {
            foreach (var (k, v) in obj.Root.StringMap("stringData"))
            {
                result[k] = v;
            }
        }

        return result;
    }

    /// <summary>
    /// The keys an in-tree ExternalSecret will write to the Secret; values stay as their own ${...} expression. With
    /// target.template, the Secret holds the template's keys (mergePolicy Replace, the default) or those and the
    /// fetched ones (Merge). Keys that only the provider knows (dataFrom, templateFrom) make the set open: then the
    /// variables are marked incomplete rather than reported undefined.
    /// </summary>
    private static Dictionary<string, string>? ExternalSecretKeys(List<KubeObject> objects, string name, string ns, KustomizationNode node)
    {
        var es = objects.Find(o => o.Kind == "ExternalSecret" && (o.Root.Str("spec", "target", "name") ?? o.Name) == name && o.Namespace == ns);
        if (es is null)
        {
            return null;
        }

        var spec = es.Root.Map("spec");
        var fetched = spec.Seq("data").Select(d => d.Str("secretKey")).OfType<string>().ToList();
        var open = spec.Seq("dataFrom").Count > 0;
        List<string> keys;
        if (spec.Map("target", "template") is { } template)
        {
            keys = [.. template.StringMap("data").Keys];
            open = template.Seq("templateFrom").Count > 0;
            if (template.Str("mergePolicy") == "Merge")
            {
                keys.AddRange(fetched);
                open = open || spec.Seq("dataFrom").Count > 0;
            }
        }
        else
        {
            keys = fetched;
        }

        if (open)
        {
            node.VariablesIncomplete = true;
        }

        return keys.Distinct(StringComparer.Ordinal).ToDictionary(k => k, k => "${" + k + "}", StringComparer.Ordinal);
    }

    private static string Decode(string base64)
    {
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(base64.Trim()));
        }
        catch (FormatException)
        {
            return base64;
        }
    }
}
