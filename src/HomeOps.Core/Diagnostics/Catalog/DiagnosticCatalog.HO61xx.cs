namespace HomeOps.Core.Diagnostics;

// HO61xx: what `homeops status` and `homeops doctor` find unhealthy, as root causes with a fix.
public static partial class DiagnosticCatalog
{
    public static readonly DiagnosticDescriptor FluxNotReady = Error(
        "HO6101", "flux-root-cause", "A Flux object fails and blocks others",
        "{0} fails: {1}",
        "See why with 'flux get all -A' or 'kubectl describe' on it, fix the cause in the tree (or the cluster), then 'flux reconcile kustomization NAME --with-source'");

    public static readonly DiagnosticDescriptor FluxDependencyMissing = Error(
        "HO6102", "flux-dependency-missing", "A Flux dependsOn names an object that does not exist",
        "{0} does not exist, and {1} waits for it",
        "Create it, or remove it from spec.dependsOn of {1} ('homeops validate' reports the same as HO4001 before you push)");

    public static readonly DiagnosticDescriptor FluxDependencyCycle = Error(
        "HO6103", "flux-dependency-cycle", "Flux objects wait on each other",
        "Flux objects wait on each other in a cycle: {0}",
        "Remove one dependsOn edge of the cycle; Flux never resolves it on its own ('homeops validate' reports it as HO4002)");
}
