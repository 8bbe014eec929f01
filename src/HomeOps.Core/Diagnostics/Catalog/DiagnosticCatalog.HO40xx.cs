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

    public static readonly DiagnosticDescriptor SecretStoreNotUpstream = Warning(
        "HO4004", "secret-store-not-upstream", "ExternalSecret store not provided upstream",
        "{0} uses {1} '{2}', which {3} provides, but {4} does not depend on it; the secret stays unsynced until the store exists",
        "Add '{5}' to dependsOn of {4}");

    public static readonly DiagnosticDescriptor StorageClassNotUpstream = Warning(
        "HO4005", "storage-class-not-upstream", "StorageClass not provided upstream",
        "{0} claims storage class '{1}', which {2} provides, but {3} does not depend on it; the claim stays Pending until the class exists",
        "Add '{4}' to dependsOn of {3}");

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

    public static readonly DiagnosticDescriptor LoadBalancerFamilyNoPool = Error(
        "HO4020", "load-balancer-family-no-pool", "LoadBalancer Service asks for an IP family no pool can give",
        "{0} asks Cilium for an {1} address ({2}), but no pool that selects it holds {1} addresses (selected by: {3}); Cilium leaves the request unsatisfied",
        "Add {1} addresses to a pool that selects it (a pool may hold IPv4 and IPv6 blocks), let an {1} pool select it (cluster.yaml: loadBalancer.pools[].alsoServes), or set spec.ipFamilyPolicy: SingleStack");

    public static readonly DiagnosticDescriptor LoadBalancerPoolNotAnnounced = Warning(
        "HO4021", "load-balancer-pool-not-announced", "Pool whose addresses no BGP advertisement announces",
        "Pool {0} hands out {1} addresses, but no BGP advertisement can announce them: no peer's CiliumBGPPeerConfig family afi {2} selects an advertisement whose Service selector can match this pool's Services",
        "Add an {1} BGP session (cluster.yaml: a peer with an {1} address) whose peer config advertises the pool's Services, or remove the pool's {1} blocks");

    public static readonly DiagnosticDescriptor LoadBalancerAddressNotAnnounced = Error(
        "HO4022", "load-balancer-address-not-announced", "LoadBalancer address no BGP advertisement announces",
        "{0} gets its {1} address from pool {2}, but no advertisement of a peer's afi {3} family selects the Service, so the router never learns the route",
        "Label the Service so an advertisement's Service selector matches it (the generated advertisements select on io.cilium/lb-ipam-pool)");

    public static readonly DiagnosticDescriptor LoadBalancerPoolsAmbiguous = Warning(
        "HO4023", "load-balancer-pools-ambiguous", "Several pools could give a Service the same IP family",
        "{0} can get its {1} address from any of the pools {2}; Cilium takes the first matching range in the order its operator stored the pools, which no manifest decides",
        "Make the pools' serviceSelectors exclusive for this family, or request the address with the annotation lbipam.cilium.io/ips");

    public static readonly DiagnosticDescriptor SecretStoreMissing = Error(
        "HO4030", "secret-store-missing", "ExternalSecret store does not exist",
        "{0} uses {1} '{2}', which the tree does not define (known: {3})",
        "Use one of the defined {1}s, or add the store");

    public static readonly DiagnosticDescriptor StorageClassMissing = Error(
        "HO4031", "storage-class-missing", "StorageClass does not exist",
        "{0} claims storage class '{1}', which the tree does not define (known: {2})",
        "Use a StorageClass the tree defines, or add it");

    public static readonly DiagnosticDescriptor TargetNamespaceNotCreated = Error(
        "HO4032", "target-namespace-not-created", "targetNamespace that nothing creates",
        "Kustomization {0} sets targetNamespace '{1}' for its {2} namespaced object(s), but nothing in the tree creates that namespace: the apply fails with namespaces \"{1}\" not found",
        "Add a Namespace '{1}' (with Pod Security labels) to this Kustomization or to one it depends on, or fix the name");
}
