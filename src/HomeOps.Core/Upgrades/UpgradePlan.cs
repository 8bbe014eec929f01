using HomeOps.Core.Diagnostics;

namespace HomeOps.Core.Upgrades;

public enum UpgradeKind
{
    Talos,
    Kubernetes,
}

/// <summary>One hop: Talos on every node, or Kubernetes for the whole cluster, from one release to the next.</summary>
public sealed record UpgradeStep(UpgradeKind Kind, ReleaseVersion From, ReleaseVersion To, string Why)
{
    public string Describe() => $"{(Kind == UpgradeKind.Talos ? "Talos" : "Kubernetes")} {From} → {To}";
}

/// <summary>The versions a cluster runs: the lowest Talos and the lowest Kubernetes among its nodes.</summary>
public sealed record ClusterVersions(ReleaseVersion Talos, ReleaseVersion Kubernetes);

/// <summary>The hops from what the cluster runs to the targets, in an order that never leaves an unsupported pair.</summary>
public sealed record UpgradePlan(ClusterVersions Current, ClusterVersions Target, IReadOnlyList<UpgradeStep> Steps, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool CanRun => !Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);
}
