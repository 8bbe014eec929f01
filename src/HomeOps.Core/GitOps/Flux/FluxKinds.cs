namespace HomeOps.Core.GitOps.Flux;

/// <summary>API groups and well-known names of Flux 2.4 and the components the tree deploys.</summary>
public static class FluxKinds
{
    public const string KustomizeGroup = "kustomize.toolkit.fluxcd.io";
    public const string HelmGroup = "helm.toolkit.fluxcd.io";
    public const string SourceGroup = "source.toolkit.fluxcd.io";
    public const string FluxOperatorGroup = "fluxcd.controlplane.io";
    public const string SubstituteAnnotation = "kustomize.toolkit.fluxcd.io/substitute";
    public const string ForceAnnotation = "kustomize.toolkit.fluxcd.io/force";

    /// <summary>Controllers whose presence in the tree means Flux manages its own installation.</summary>
    public static readonly IReadOnlyList<string> Controllers = ["source-controller", "kustomize-controller", "helm-controller"];
}
