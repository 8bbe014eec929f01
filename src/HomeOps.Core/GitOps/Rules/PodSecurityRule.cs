using HomeOps.Core.Diagnostics;
using HomeOps.Core.GitOps.Model;
using HomeOps.Core.GitOps.PodSecurity;
using HomeOps.Core.Yaml;

namespace HomeOps.Core.GitOps.Rules;

/// <summary>
/// HO3300 every pod template (charts included) against the Pod Security level its namespace enforces, as the
/// PodSecurity admission plugin would; HO3301 a namespace looser than all its pods need; HO3302 invalid labels.
/// A namespace without an enforce label gets the cluster's default: on a HomeOps cluster (cluster.yaml present) Talos's
/// PodSecurity configuration, enforce baseline with kube-system exempt (talos/patches/controlplane/api-server.yaml);
/// without cluster.yaml, Kubernetes' default, privileged.
/// </summary>
public sealed class PodSecurityRule : IGitOpsRule
{
    private const string ExemptNamespace = "kube-system";

    public IReadOnlyList<DiagnosticDescriptor> Descriptors =>
        [DiagnosticCatalog.PodSecurityViolation, DiagnosticCatalog.PodSecurityTooPermissive, DiagnosticCatalog.PodSecurityLabelInvalid];

    public IEnumerable<Diagnostic> Check(RuleContext context)
    {
        var serverMinor = Minor(context.Cluster?.Cluster.KubernetesVersion) ?? Minor(context.Schemas.Builtin?.KubernetesVersion) ?? 31;
        var namespaces = new Dictionary<string, KubeObject>(StringComparer.Ordinal);
        foreach (var ns in context.Tree.AllObjects.Where(o => o.Kind == "Namespace" && o.Group.Length == 0))
        {
            namespaces.TryAdd(ns.Name, ns);
            foreach (var (label, value) in ns.Labels.Where(l => PodSecurityLabels.All.Contains(l.Key)))
            {
                if (PodSecurityLabels.Problem(label, value) is { } problem)
                {
                    yield return DiagnosticCatalog.PodSecurityLabelInvalid.At(ns.Origin.Locate("metadata", "labels", label), ns.Name, label, value, problem);
                }
            }
        }

        var pods = new List<(KubeObject Obj, YamlMapping Pod, object[] Path)>();
        foreach (var obj in context.Tree.AllObjects)
        {
            foreach (var (spec, path) in PodSpecs.Of(obj))
            {
                var podPath = path[..^1];
                if ((podPath.Length == 0 ? obj.Root : YamlAccess.Deepest(obj.Root, podPath, out _)) is YamlMapping pod && obj.Namespace is not null && spec is not null)
                {
                    pods.Add((obj, pod, podPath));
                }
            }
        }

        foreach (var (obj, pod, path) in pods)
        {
            if (Policy(context, namespaces, obj.Namespace!, serverMinor) is not { } policy)
            {
                continue;
            }

            foreach (var v in PodSecurityStandard.Evaluate(pod, policy.Level, policy.Minor, serverMinor))
            {
                var who = v.Container is null ? "the pod" : $"container '{v.Container}'";
                var enough = v.Level == PodSecurityLevel.Restricted ? "baseline" : "privileged";
                yield return DiagnosticCatalog.PodSecurityViolation.At(obj.Origin.Locate([.. path, .. v.Path]), Describe(context, obj), who, v.Problem,
                    Name(policy.Level), obj.Namespace, v.Check, enough);
            }
        }

        if (context.AnyUnrenderedRelease)
        {
            yield break;
        }

        foreach (var (name, ns) in namespaces)
        {
            if (ns.Labels.TryGetValue(PodSecurityLabels.Enforce, out var label) && PodSecurityLabels.ParseLevel(label) is { } level && level != PodSecurityLevel.Restricted
                && pods.Where(p => p.Obj.Namespace == name).ToList() is { Count: > 0 } inside
                && Policy(context, namespaces, name, serverMinor) is { } policy)
            {
                var needed = inside.Min(p => Needed(p.Pod, policy.Minor, serverMinor));
                if (needed > level)
                {
                    yield return DiagnosticCatalog.PodSecurityTooPermissive.At(ns.Origin.Locate("metadata", "labels", PodSecurityLabels.Enforce), name, Name(level), inside.Count, Name(needed));
                }
            }
        }
    }

    /// <summary>The strictest level that admits the pod.</summary>
    private static PodSecurityLevel Needed(YamlMapping pod, int policyMinor, int serverMinor) =>
        PodSecurityStandard.Evaluate(pod, PodSecurityLevel.Restricted, policyMinor, serverMinor).Count == 0 ? PodSecurityLevel.Restricted
        : PodSecurityStandard.Evaluate(pod, PodSecurityLevel.Baseline, policyMinor, serverMinor).Count == 0 ? PodSecurityLevel.Baseline
        : PodSecurityLevel.Privileged;

    /// <summary>
    /// The level and policy version enforced on a namespace (api/helpers.go PolicyToEvaluate: an invalid level fails
    /// closed to restricted, an invalid version means latest; a version newer than the API server is clamped to it),
    /// or null when nothing is enforced there.
    /// </summary>
    private static (PodSecurityLevel Level, int Minor)? Policy(RuleContext context, Dictionary<string, KubeObject> namespaces, string name, int serverMinor)
    {
        if (namespaces.TryGetValue(name, out var ns) && ns.Labels.TryGetValue(PodSecurityLabels.Enforce, out var level))
        {
            var version = ns.Labels.TryGetValue(PodSecurityLabels.EnforceVersion, out var v) ? PodSecurityLabels.ParseVersion(v) ?? int.MaxValue : int.MaxValue;
            return (PodSecurityLabels.ParseLevel(level) ?? PodSecurityLevel.Restricted, Math.Min(version, serverMinor));
        }

        return context.Cluster is null || name == ExemptNamespace ? null : (PodSecurityLevel.Baseline, serverMinor);
    }

    private static string Describe(RuleContext context, KubeObject obj)
    {
        var what = $"{obj.Kind} {obj.Namespace}/{obj.Name}";
        if (obj.Origin.HelmRelease is not { } id)
        {
            return what;
        }

        var chart = context.Tree.Kustomizations.SelectMany(k => k.Releases).FirstOrDefault(r => r.Spec.Id == id)?.ChartDescription;
        return chart is null ? $"{what} (HelmRelease {id})" : $"{what} (chart {chart} of HelmRelease {id})";
    }

    private static string Name(PodSecurityLevel level) => level.ToString().ToLowerInvariant();

    private static int? Minor(string? version) =>
        version?.TrimStart('v').Split('.') is [_, var minor, ..] && int.TryParse(minor, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var m) ? m : null;
}
