using HomeOps.Core.Diagnostics;
using HomeOps.Core.GitOps.Flux;
using HomeOps.Core.GitOps.Model;
using HomeOps.Core.Yaml;

namespace HomeOps.Core.GitOps.Rules;

/// <summary>
/// HO3201, HO3202, HO3220, HO3222: wait vs health checks, health checks that name nothing, dependencies that do not
/// wait, and Kustomizations that stop waiting before the HelmReleases they wait for can finish.
/// </summary>
public sealed class KustomizationSpecRules : IGitOpsRule
{
    public IReadOnlyList<DiagnosticDescriptor> Descriptors =>
        [DiagnosticCatalog.WaitWithHealthChecks, DiagnosticCatalog.HealthCheckNotProduced, DiagnosticCatalog.DependencyDoesNotWait, DiagnosticCatalog.KustomizationTimeoutTooShort];

    /// <summary>helm-controller's default spec.timeout of a HelmRelease.</summary>
    private static readonly TimeSpan s_helmReleaseDefaultTimeout = TimeSpan.FromMinutes(5);

    public IEnumerable<Diagnostic> Check(RuleContext context)
    {
        foreach (var k in context.Tree.Kustomizations)
        {
            var spec = k.Spec;
            var origin = spec.Object.Origin;
            if (spec.Wait && spec.HealthChecks.Count > 0)
            {
                yield return DiagnosticCatalog.WaitWithHealthChecks.At(origin.Locate("spec", "wait"), k.Id, spec.HealthChecks.Count);
            }

            if (k.Built)
            {
                foreach (var hc in spec.HealthChecks)
                {
                    if (Unproduced(context, k, hc) is { } detail)
                    {
                        var ns = hc.Namespace is null ? string.Empty : $"{hc.Namespace}/";
                        yield return DiagnosticCatalog.HealthCheckNotProduced.At(origin.Locate("spec", "healthChecks", hc.Index), k.Id, $"{hc.Kind}/{ns}{hc.Name}", detail);
                    }
                }
            }

            if (k.Built && Timeout(spec) is { } timeout)
            {
                foreach (var release in AwaitedReleases(k))
                {
                    var releaseTimeout = GoDuration.TryParse(release.Root.Str("spec", "timeout"), out var t) ? t : s_helmReleaseDefaultTimeout;
                    if (releaseTimeout >= timeout)
                    {
                        var at = spec.Object.Root.At("spec", "timeout") is not null ? origin.Locate("spec", "timeout") : origin.Locate("spec");
                        yield return DiagnosticCatalog.KustomizationTimeoutTooShort.At(at, k.Id, $"{release.Namespace}/{release.Name}", GoDuration.Format(timeout), GoDuration.Format(releaseTimeout));
                    }
                }
            }

            foreach (var d in spec.DependsOn)
            {
                if (context.Tree.Find(Flux.FluxKustomization.IdOf(d.Namespace, d.Name)) is { } target
                    && !target.Spec.Wait && target.Spec.HealthChecks.Count == 0 && target != k && TakesTimeToBecomeReady(target))
                {
                    yield return DiagnosticCatalog.DependencyDoesNotWait.At(origin.Locate(d.Path), k.Id, target.Id);
                }
            }
        }
    }

    /// <summary>
    /// Whether "applied" and "running" differ for what the Kustomization applies: workloads, HelmReleases, CRDs and
    /// nested Kustomizations do; sources, namespaces and configuration are usable as soon as they are applied.
    /// </summary>
    private static bool TakesTimeToBecomeReady(KustomizationNode k) =>
        k.Objects.Exists(o => o.Kind is "HelmRelease" or "Deployment" or "StatefulSet" or "DaemonSet" or "Job" or "Kustomization" or "CustomResourceDefinition");

    /// <summary>What kustomize-controller uses (GetTimeout): spec.timeout, else the interval less 30s, at least 30s.</summary>
    private static TimeSpan? Timeout(Flux.FluxKustomization spec)
    {
        if (GoDuration.TryParse(spec.Object.Root.Str("spec", "timeout"), out var timeout))
        {
            return timeout;
        }

        return GoDuration.TryParse(spec.Object.Root.Str("spec", "interval"), out var interval)
            ? TimeSpan.FromTicks(Math.Max((interval - TimeSpan.FromSeconds(30)).Ticks, TimeSpan.FromSeconds(30).Ticks))
            : null;
    }

    /// <summary>The HelmReleases the Kustomization applies and waits for: all of them with wait, else those it health-checks.</summary>
    private static IEnumerable<KubeObject> AwaitedReleases(KustomizationNode k) =>
        k.Objects.Where(o => o.Kind == "HelmRelease" && o.Group == "helm.toolkit.fluxcd.io"
            && (k.Spec.Wait || k.Spec.HealthChecks.Any(hc => hc.Kind == "HelmRelease" && hc.Name == o.Name && (hc.Namespace ?? k.Spec.Namespace) == o.Namespace)));

    /// <summary>
    /// Null when the Kustomization produces the object (or cannot be known to), else a detail for the message. A
    /// cluster-scoped object matches by name alone: kustomize's namespace transformer (targetNamespace) writes a
    /// namespace into custom resources whose scope it does not know (a ClusterIssuer, a ClusterSecretStore), the API
    /// server drops it, and Flux's status poller finds a cluster-scoped object by name whatever namespace the check
    /// names (kustomize-controller main.go uses the caching cluster reader unless DisableStatusPollerCache is set;
    /// fluxcd/cli-utils pkg/kstatus/polling/clusterreader/caching_reader.go Sync lists cluster-scoped kinds without a
    /// namespace and Get matches on the name).
    /// </summary>
    private static string? Unproduced(RuleContext context, KustomizationNode k, Flux.HealthCheck hc)
    {
        var group = hc.ApiVersion.Contains('/', StringComparison.Ordinal) ? hc.ApiVersion[..hc.ApiVersion.IndexOf('/', StringComparison.Ordinal)] : string.Empty;
        var sameKind = k.AllObjects.Where(o => o.Kind == hc.Kind && o.Group == group).ToList();
        var namespaced = context.Schemas.IsNamespaced(group, hc.Kind);
        if (sameKind.Exists(o => o.Name == hc.Name && (o.Namespace == hc.Namespace || namespaced == false
            || (namespaced is null && hc.Namespace is null && o.Namespace == k.Spec.TargetNamespace))))
        {
            return null;
        }

        if (sameKind.Find(o => o.Name == hc.Name) is { } elsewhere)
        {
            return $" (it applies {hc.Kind} {hc.Name} in namespace '{elsewhere.Namespace ?? "(none)"}')";
        }

        return k.HasUnrenderedReleases ? null : string.Empty;
    }
}
