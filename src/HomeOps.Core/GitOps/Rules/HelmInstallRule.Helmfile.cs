using HomeOps.Core.Diagnostics;
using HomeOps.Core.GitOps.Build;
using HomeOps.Core.GitOps.Flux;
using HomeOps.Core.GitOps.Model;
using HomeOps.Core.Yaml;

namespace HomeOps.Core.GitOps.Rules;

/// <summary>
/// HO3245 over helmfiles: a bootstrap helmfile (`helmfile.yaml`, `helmfile.yaml.gotmpl`, files under a `helmfile.d/`
/// or `helmfile/` folder) whose release installs a chart a HelmRelease also installs. The bootstrap pattern of
/// onedr0p's cluster-template (Cilium, CoreDNS, cert-manager and Flux through helmfile before Flux runs, with the
/// HelmRelease's own release name and namespace) is a hand-over and is not reported, nor is a helmfile that only
/// extracts CRDs (it names CustomResourceDefinition: rendered with `helmfile template`, never installed).
/// </summary>
public sealed partial class HelmInstallRule
{
    private static IEnumerable<Diagnostic> CheckHelmfiles(RuleContext context, List<(HelmReleaseSpec Spec, string? Chart)> releases)
    {
        foreach (var file in context.TrackedFiles.Where(IsHelmfile))
        {
            if (context.Tree.Sources.Tree.ReadText(file) is not { } text || text.Contains("CustomResourceDefinition", StringComparison.Ordinal))
            {
                continue;
            }

            // A helmfile with Go templates outside quoted values may not parse; what cannot be read is not judged.
            foreach (var doc in YamlReader.ReadAll(text, file, new DiagnosticBag()))
            {
                foreach (var item in doc.Seq("releases").OfType<YamlMapping>())
                {
                    if (HelmfileRelease(item) is { } install)
                    {
                        foreach (var d in Judge(releases, install, file, item.Find("chart")?.Key.Span ?? item.Span))
                        {
                            yield return d;
                        }
                    }
                }
            }
        }
    }

    /// <summary>A helmfile release (name, chart, namespace); null when one of them is missing or templated.</summary>
    private static Install? HelmfileRelease(YamlMapping item)
    {
        string?[] fields = [item.Str("name"), item.Str("chart"), item.Str("namespace")];
        if (fields.Any(f => f is null || f.Length == 0 || f.Contains("{{", StringComparison.Ordinal) || f.Contains('$', StringComparison.Ordinal)))
        {
            return null;
        }

        return new Install(fields[0], fields[1]!.TrimEnd('/').Split('/')[^1], fields[2]!);
    }

    private static bool IsHelmfile(string file)
    {
        var name = RepoPath.FileName(file);
        var folder = file.Contains('/', StringComparison.Ordinal) ? RepoPath.FileName(file[..file.LastIndexOf('/')]) : string.Empty;
        var yaml = RepoPath.IsYaml(name) || name.EndsWith(".yaml.gotmpl", StringComparison.Ordinal) || name.EndsWith(".yml.gotmpl", StringComparison.Ordinal);
        return yaml && (name.StartsWith("helmfile", StringComparison.Ordinal) || folder is "helmfile.d" or "helmfile");
    }
}
