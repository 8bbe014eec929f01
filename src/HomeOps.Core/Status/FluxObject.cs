using System.Text.Json.Nodes;
using static HomeOps.Core.Status.ObjectFields;

namespace HomeOps.Core.Status;

/// <summary>
/// A Flux Kustomization or HelmRelease as status sees it: its identity, its dependsOn (namespace defaulted to its
/// own, as kustomize-controller and helm-controller do), and whether Flux counts it as ready for a dependent.
/// </summary>
public sealed record FluxObject(string Kind, string Namespace, string Name, IReadOnlyList<string> DependsOn, JsonObject Source)
{
    /// <summary>"ks/flux-system/apps" or "hr/kube-system/cilium": a Kustomization and a HelmRelease may share a name.</summary>
    public string Id => Of(Kind, Namespace, Name);

    public static string Of(string kind, string ns, string name) => $"{(kind == "HelmRelease" ? "hr" : "ks")}/{ns}/{name}";

    public Condition? Ready => ConditionOf(Source, "Ready");

    public bool Suspended => Bool(Source, "spec", "suspend") == true;

    /// <summary>
    /// Ready as a dependent's controller judges it (kustomize-controller v1.4.0 checkDependencies): conditions
    /// present, status.observedGeneration equal to metadata.generation, and Ready True.
    /// </summary>
    public bool IsReady =>
        Ready?.IsTrue == true && Number(Source, "metadata", "generation") is var generation && (generation is null || Number(Source, "status", "observedGeneration") == generation);

    /// <summary>What it last applied: a Kustomization's source revision, a HelmRelease's chart and version.</summary>
    public string? Revision =>
        Kind == "HelmRelease"
            ? Objects(Source, "status", "history").FirstOrDefault() is { } latest && Str(latest, "chartName") is { } chart
                ? $"{chart}@{Str(latest, "chartVersion")}"
                : Str(Source, "status", "lastAttemptedRevision")
            : Str(Source, "status", "lastAppliedRevision");

    /// <summary>Why it is not ready, in its own words.</summary>
    public string Problem
    {
        get
        {
            if (Ready is not { } ready)
            {
                return "not reconciled yet (no Ready condition)";
            }

            if (ready.IsTrue)
            {
                return $"reconciling generation {Number(Source, "metadata", "generation")} (Ready reports generation {Number(Source, "status", "observedGeneration")})";
            }

            return string.IsNullOrEmpty(ready.Message) ? ready.Reason : $"{ready.Reason}: {ready.Message}";
        }
    }

    public static FluxObject From(string kind, JsonObject o)
    {
        var ns = NamespaceOf(o) ?? "flux-system";
        var dependsOn = Objects(o, "spec", "dependsOn").Select(d => Of(kind, Str(d, "namespace") ?? ns, Str(d, "name") ?? string.Empty)).ToList();
        return new FluxObject(kind, ns, NameOf(o), dependsOn, o);
    }
}
