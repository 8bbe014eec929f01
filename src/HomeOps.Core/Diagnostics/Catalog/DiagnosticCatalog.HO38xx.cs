namespace HomeOps.Core.Diagnostics;

// HO38xx: files `homeops render` derives from cluster.yaml, and the values of cluster.yaml the tree needs.
public static partial class DiagnosticCatalog
{
    public static readonly DiagnosticDescriptor GeneratedFileStale = Error(
        "HO3801", "generated-file-stale", "Generated file out of date",
        "{0} no longer matches cluster.yaml (it was edited, or cluster.yaml changed since it was generated)",
        "Run 'homeops render' and commit the result; change cluster.yaml rather than the generated file");

    public static readonly DiagnosticDescriptor GeneratedFileMissing = Error(
        "HO3802", "generated-file-missing", "Generated file missing",
        "{0} does not exist; the GitOps tree needs it",
        "Run 'homeops render' and commit the result");

    public static readonly DiagnosticDescriptor TreeValueMissing = Error(
        "HO3803", "tree-value-missing", "Value the GitOps tree needs is missing",
        "The GitOps tree needs {0}, which cluster.yaml does not set",
        "Add '{1}' to cluster.yaml; docs/cluster-config.md describes it");

    public static readonly DiagnosticDescriptor LoadBalancerModeUnsupported = Error(
        "HO3804", "load-balancer-mode-unsupported", "Load-balancer mode not supported by the tree",
        "The platform tree announces LoadBalancer addresses over BGP, but loadBalancer.mode is '{0}'",
        "Set loadBalancer.mode: bgp with loadBalancer.bgp (local ASN and peers); the Cilium HelmRelease runs the BGP control plane with L2 announcements off");

    public static readonly DiagnosticDescriptor BgpPeerUnknown = Error(
        "HO3805", "bgp-peer-unknown", "No such BGP peer",
        "cluster.yaml has no BGP peer named '{0}'",
        "Use one of: {1}");

    public static readonly DiagnosticDescriptor BgpPeerAmbiguous = Error(
        "HO3806", "bgp-peer-ambiguous", "Several routers to choose from",
        "cluster.yaml peers with {0} routers (different ASNs); say which one to configure",
        "Pass --peer with one of: {1}");
}
