namespace HomeOps.Core.Diagnostics;

// HO40xx: the dependency graph of the tree (order, providers, references).
public static partial class DiagnosticCatalog
{
    public static readonly DiagnosticDescriptor DependsOnUnknown = Error(
        "HO4001", "depends-on-unknown", "dependsOn names no Kustomization",
        "Kustomization {0} depends on '{1}', which is not in the tree",
        "{2}");

    public static readonly DiagnosticDescriptor DependencyCycle = Error(
        "HO4002", "dependency-cycle", "Dependency cycle",
        "Kustomizations depend on each other in a cycle: {0}",
        "Flux never resolves a cycle: remove one dependsOn from the loop");

    public static readonly DiagnosticDescriptor CrdProviderNotUpstream = Error(
        "HO4003", "crd-provider-not-upstream", "CRD provided by a Kustomization that is not a dependency",
        "{0} needs the CRD of {1}, which {2} provides, but {3} does not depend on it",
        "Add '{4}' to dependsOn of {3} (and let it wait), so the CRD exists before this object is applied");

    public static readonly DiagnosticDescriptor SecretStoreNotUpstream = Error(
        "HO4004", "secret-store-not-upstream", "ExternalSecret store not provided upstream",
        "{0} uses {1} '{2}', {3}",
        "{4}");

    public static readonly DiagnosticDescriptor StorageClassNotUpstream = Error(
        "HO4005", "storage-class-not-upstream", "StorageClass not provided upstream",
        "{0} claims storage class '{1}', {2}",
        "{3}");

    public static readonly DiagnosticDescriptor IngressClassMissing = Error(
        "HO4006", "ingress-class-missing", "IngressClass does not exist",
        "{0} uses ingress class '{1}', which no IngressClass in the tree defines (known: {2})",
        "Use the class of one of the ingress controllers, e.g. '{3}'");

    public static readonly DiagnosticDescriptor IssuerMissing = Error(
        "HO4007", "issuer-missing", "cert-manager issuer does not exist",
        "{0} asks cert-manager for a certificate from {1} '{2}', which the tree does not define (known: {3})",
        "Use one of the defined issuers, or add the {1}");

    public static readonly DiagnosticDescriptor HelmSourceMissing = Error(
        "HO4008", "helm-source-missing", "HelmRelease source does not exist",
        "HelmRelease {0} takes its chart from {1}, which is not in the tree",
        "Add the {2} or correct the reference (kind, name and namespace; the namespace defaults to the HelmRelease's)");

    public static readonly DiagnosticDescriptor NamespaceNotCreated = Error(
        "HO4009", "namespace-not-created", "Namespace used but never created",
        "{0} is in namespace '{1}', which nothing in the tree creates",
        "Add a Namespace object (with Pod Security labels) to the component, or set install.createNamespace on the HelmRelease");

    public static readonly DiagnosticDescriptor LoadBalancerNoPool = Error(
        "HO4010", "load-balancer-no-pool", "LoadBalancer Service no address pool selects",
        "{0} is type LoadBalancer but no CiliumLoadBalancerIPPool selects it{1}",
        "{2}");

    public static readonly DiagnosticDescriptor LoadBalancerAddressOutsidePools = Error(
        "HO4011", "load-balancer-address-outside-pools", "Requested address outside every pool",
        "{0} asks for {1}, which is not in any pool that selects it ({2})",
        "Request an address inside the pool's range, or change the pool");

    public static readonly DiagnosticDescriptor NamespaceNotUpstream = Error(
        "HO4012", "namespace-not-upstream", "Namespace created by a Kustomization that is not a dependency",
        "{0} is in namespace '{1}', which {2} creates, but {3} does not depend on it",
        "Add '{4}' to dependsOn of {3}, or create the Namespace in this Kustomization");
}
