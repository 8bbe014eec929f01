namespace HomeOps.Core.Diagnostics;

// HO70xx: recovery (flux suspend/resume, backup, rebuild, HelmRelease reset, rollback).
public static partial class DiagnosticCatalog
{
    public static readonly DiagnosticDescriptor RecoveryKubeconfigMissing = Error(
        "HO7001", "recovery-kubeconfig-missing", "No kubeconfig for the cluster",
        "The admin kubeconfig {0} does not exist, so the cluster cannot be reached",
        "Fetch it with 'homeops bootstrap --only kubeconfig' (the talosconfig in talos/generated/ must exist)");

    public static readonly DiagnosticDescriptor RecoveryUnknownKustomization = Error(
        "HO7002", "recovery-unknown-kustomization", "No such Flux Kustomization in the tree",
        "The tree has no Flux Kustomization named '{0}'",
        "Kustomizations are: {1}");
}
