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

    public static readonly DiagnosticDescriptor BgpPeerDown = Error(
        "HO6110", "bgp-peer-down", "A BGP session is not established",
        "BGP peer {0} is not established on {1}",
        "LoadBalancer addresses are not announced over this session. Check the router's side (neighbor {2}, AS numbers, password) and the node's: 'kubectl -n kube-system exec ds/cilium -- cilium-dbg bgp peers'");

    public static readonly DiagnosticDescriptor LbPoolConflict = Error(
        "HO6111", "lb-pool-conflict", "An LB IPAM pool overlaps another and allocates nothing",
        "LB IPAM pool {0} is disabled by a conflict: {1}",
        "Cilium disables the newer of two overlapping pools. Make the ranges in cluster.yaml (loadBalancer) disjoint, 'homeops render', then push");

    public static readonly DiagnosticDescriptor LbPoolExhausted = Warning(
        "HO6112", "lb-pool-exhausted", "An LB IPAM pool has no address left",
        "LB IPAM pool {0} has no address left ({1}); a new LoadBalancer Service it serves stays <pending>",
        "Widen the pool's range in cluster.yaml (loadBalancer), or delete LoadBalancer Services that no longer serve anything");
}
