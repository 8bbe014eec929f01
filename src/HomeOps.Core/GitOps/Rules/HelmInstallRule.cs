using System.Text.RegularExpressions;
using HomeOps.Core.Diagnostics;
using HomeOps.Core.GitOps.Build;
using HomeOps.Core.GitOps.Flux;

namespace HomeOps.Core.GitOps.Rules;

/// <summary>
/// HO3245: a script or Taskfile of the repository runs `helm install` (or `helm upgrade --install`) of a chart that a
/// HelmRelease of the tree also installs, under another release name or in another namespace: the cluster ends up
/// with two installs of one chart. The same release name and namespace is the usual bootstrap hand-over (helm-controller
/// upgrades the release it finds) and is not reported.
/// </summary>
public sealed partial class HelmInstallRule : IGitOpsRule
{
    /// <summary>helm flags that take a value as the next word (the others are switches).</summary>
    private static readonly HashSet<string> s_valueFlags = new(StringComparer.Ordinal)
    {
        "-n", "--namespace", "--version", "-f", "--values", "--set", "--set-string", "--set-file", "--set-json", "--set-literal",
        "--repo", "--timeout", "--kube-context", "--kubeconfig", "--post-renderer", "--post-renderer-args", "--description",
        "--username", "--password", "--ca-file", "--cert-file", "--key-file", "--keyring", "--registry-config",
        "--repository-cache", "--repository-config", "--output", "-o", "--name-template", "--labels", "-l", "--history-max",
    };

    public IReadOnlyList<DiagnosticDescriptor> Descriptors => [DiagnosticCatalog.HelmInstallOfFluxChart];

    public IEnumerable<Diagnostic> Check(RuleContext context)
    {
        var objects = context.Tree.AllObjects.ToList();
        var releases = context.Tree.Kustomizations.SelectMany(k => k.Releases)
            .Select(r => (r.Spec, Chart: ChartIdentity.Of(r.Spec, objects)?.Name ?? r.Spec.Chart?.Split('/')[^1]))
            .Where(r => r.Chart is { Length: > 0 })
            .ToList();
        if (releases.Count == 0)
        {
            yield break;
        }

        foreach (var file in context.TrackedFiles.Where(IsScript))
        {
            if (context.Tree.Sources.Tree.ReadText(file) is not { } text)
            {
                continue;
            }

            var lines = text.Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                var match = HelmInstall().Match(lines[i]);
                if (!match.Success || lines[i].TrimStart().StartsWith('#'))
                {
                    continue;
                }

                var rest = match.Groups["args"].Value;
                for (var j = i; rest.TrimEnd().EndsWith('\\') && j + 1 < lines.Length; j++)
                {
                    rest = rest.TrimEnd()[..^1] + " " + lines[j + 1];
                }

                if (Parse(rest, match.Groups["upgrade"].Success) is not { } install)
                {
                    continue;
                }

                foreach (var d in Judge(releases, install, file, SourceSpan.At(file, i + 1, match.Index + 1)))
                {
                    yield return d;
                }
            }
        }

        foreach (var d in CheckHelmfiles(context, releases))
        {
            yield return d;
        }
    }

    /// <summary>
    /// HO3245 for each HelmRelease of the install's chart, unless one of them has the install's release name and
    /// namespace (the hand-over of that release; the chart's other instances are its siblings, not second installs).
    /// </summary>
    private static IEnumerable<Diagnostic> Judge(List<(HelmReleaseSpec Spec, string? Chart)> releases, Install install, string file, SourceSpan at)
    {
        var ofChart = releases.Where(r => r.Chart == install.Chart).ToList();
        return ofChart.Exists(r => install.Release == r.Spec.ReleaseName && install.Namespace == r.Spec.TargetNamespace)
            ? []
            : ofChart.Select(r => DiagnosticCatalog.HelmInstallOfFluxChart.At(at, file, install.Chart, install.Release ?? "(generated name)", install.Namespace,
                r.Spec.Id, r.Spec.ReleaseName, r.Spec.TargetNamespace));
    }

    private static bool IsScript(string file)
    {
        var name = RepoPath.FileName(file);
        return name.EndsWith(".sh", StringComparison.Ordinal) || name.EndsWith(".bash", StringComparison.Ordinal)
            || (name.StartsWith("Taskfile", StringComparison.OrdinalIgnoreCase) && RepoPath.IsYaml(name));
    }

    private sealed record Install(string? Release, string Chart, string Namespace);

    /// <summary>The release, chart and namespace of a helm install command line (after "install" or "upgrade").</summary>
    private static Install? Parse(string args, bool upgrade)
    {
        var words = args.Split([' ', '\t', '\r'], StringSplitOptions.RemoveEmptyEntries).TakeWhile(w => w is not ("|" or "&&" or "||" or ";" or ">" or "2>&1")).ToList();
        var positional = new List<string>();
        var ns = "default";
        var generate = false;
        for (var i = 0; i < words.Count; i++)
        {
            var w = words[i].Trim('"', '\'');
            if (w.StartsWith("--namespace=", StringComparison.Ordinal))
            {
                ns = w["--namespace=".Length..];
            }
            else if (w is "-n" or "--namespace" && i + 1 < words.Count)
            {
                ns = words[++i].Trim('"', '\'');
            }
            else if (w is "--generate-name" or "-g")
            {
                generate = true;
            }
            else if (s_valueFlags.Contains(w))
            {
                i++;
            }
            else if (!w.StartsWith('-'))
            {
                positional.Add(w);
            }
        }

        if (upgrade && !words.Any(w => w is "--install" or "-i"))
        {
            return null;
        }

        var (release, chart) = generate ? (null, positional.FirstOrDefault()) : (positional.ElementAtOrDefault(0), positional.ElementAtOrDefault(1));
        if (chart is null || (release?.Contains('$', StringComparison.Ordinal) ?? false) || chart.Contains('$', StringComparison.Ordinal) || chart.Contains("{{", StringComparison.Ordinal) || ns.Contains('$', StringComparison.Ordinal))
        {
            return null;
        }

        return new Install(release, chart.TrimEnd('/').Split('/')[^1], ns);
    }

    [GeneratedRegex(@"\bhelm\s+(?:(?<upgrade>upgrade)|install)\b(?<args>.*)$")]
    private static partial Regex HelmInstall();
}
