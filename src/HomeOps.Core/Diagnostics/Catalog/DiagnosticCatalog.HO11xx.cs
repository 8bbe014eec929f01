namespace HomeOps.Core.Diagnostics;

// HO11xx: what the values of cluster.yaml mean together.
public static partial class DiagnosticCatalog
{
    public static readonly DiagnosticDescriptor CidrNotCanonical = Error(
        "HO1101", "cidr-not-canonical", "CIDR has host bits set",
        "{0} '{1}' has host bits set",
        "Write the network address: '{2}'");

    public static readonly DiagnosticDescriptor NetworksOverlap = Error(
        "HO1102", "networks-overlap", "Networks overlap",
        "{0} ({1}) overlaps {2} ({3})",
        "Every network and pool needs its own addresses; move one of them to a free range");

    public static readonly DiagnosticDescriptor AddressOutsideNetwork = Error(
        "HO1103", "address-outside-node-network", "Address outside the node network",
        "{0} {1} is not inside the node network {2}",
        "Use an address inside {2}, or correct network.nodeNetwork");

    public static readonly DiagnosticDescriptor AddressIsNetworkOrBroadcast = Error(
        "HO1104", "address-is-network-or-broadcast", "Network or broadcast address used as a host",
        "{0} {1} is the {2} address of {3}",
        "Pick a host address between {4} and {5}");

    public static readonly DiagnosticDescriptor AddressReused = Error(
        "HO1105", "address-reused", "Address used twice",
        "{0} {1} is also {2}",
        "Give every node, the API VIP and the gateway a distinct address");

    public static readonly DiagnosticDescriptor AddressInPool = Error(
        "HO1106", "address-in-load-balancer-pool", "Address inside a load-balancer pool",
        "{0} {1} is inside load-balancer pool '{2}' ({3})",
        "Cilium would hand this address to a Service; shrink the pool or move the address");

    public static readonly DiagnosticDescriptor PoolRangeInvalid = Error(
        "HO1107", "pool-range-invalid", "Load-balancer pool addresses invalid",
        "Pool '{0}': {1}",
        "{2}");

    public static readonly DiagnosticDescriptor PoolsOverlap = Error(
        "HO1108", "pools-overlap", "Load-balancer pools overlap",
        "Pool '{0}' ({1}) overlaps pool '{2}' ({3})",
        "Each address may belong to one pool only; split the ranges");

    public static readonly DiagnosticDescriptor Ipv6NotUla = Error(
        "HO1109", "ipv6-not-ula", "IPv6 node network is not a ULA",
        "network.nodeNetworkIPv6 {0} is not inside fd00::/8",
        "Use a unique local address prefix such as fdXX:XXXX:XXXX:NN::/64 (generate the 40 random bits once and keep them)");

    public static readonly DiagnosticDescriptor AsnReserved = Error(
        "HO1110", "asn-reserved", "Reserved AS number",
        "{0} {1} is reserved ({2})",
        "Use a private AS number: 64512-65534 or 4200000000-4294967294");

    public static readonly DiagnosticDescriptor AsnSameAsPeer = Error(
        "HO1111", "asn-same-as-peer", "Local and peer AS numbers are equal",
        "loadBalancer.bgp.localAsn {0} equals the AS number of peer '{1}'",
        "Cilium peers over eBGP with the router: give the cluster and the router different AS numbers");

    public static readonly DiagnosticDescriptor AsnNotPrivate = Warning(
        "HO1112", "asn-not-private", "Public AS number",
        "{0} {1} is outside the private ranges",
        "Unless you own this AS number, use 64512-65534 or 4200000000-4294967294");

    public static readonly DiagnosticDescriptor BgpPeerOffNetwork = Error(
        "HO1113", "bgp-peer-off-node-network", "BGP peer not on the node network",
        "BGP peer '{0}' at {1} is not on the node network {2}",
        "The nodes peer directly with the router: use its address on {2}");

    public static readonly DiagnosticDescriptor ControlPlaneCountEven = Warning(
        "HO1114", "control-plane-count-even", "Even number of control-plane nodes",
        "The cluster has {0} control-plane nodes; etcd tolerates no more failures with {0} than with {1}",
        "Use an odd number of control-plane nodes (1, 3 or 5)");

    public static readonly DiagnosticDescriptor DuplicateName = Error(
        "HO1115", "duplicate-name", "Name used twice",
        "{0} name '{1}' is used more than once (first at line {2})",
        "Give every {0} a unique name");

    public static readonly DiagnosticDescriptor NoControlPlane = Error(
        "HO1116", "no-control-plane", "No control-plane node",
        "No node has role controlplane",
        "Set 'role: controlplane' on at least one node (three for high availability)");

    public static readonly DiagnosticDescriptor TalosKubernetesUnsupported = Error(
        "HO1117", "talos-kubernetes-unsupported", "Kubernetes version not supported by Talos",
        "Talos {0} supports Kubernetes {1} to {2}, not {3}",
        "Pick a Kubernetes version from {1} to {2}, or another Talos version");

    public static readonly DiagnosticDescriptor TalosVersionUnknown = Warning(
        "HO1118", "talos-version-unknown", "Talos version not known to HomeOps",
        "Talos {0} is not in HomeOps's support table (known: {1}); the Kubernetes version cannot be checked",
        "Check the Talos support matrix for {0} by hand, or update HomeOps");

    public static readonly DiagnosticDescriptor ExtensionUnknown = Error(
        "HO1119", "extension-unknown", "Unknown system extension",
        "'{0}' is not an official Talos system extension",
        "{1}");

    public static readonly DiagnosticDescriptor ExtensionDuplicate = Warning(
        "HO1120", "extension-duplicate", "System extension listed twice",
        "Extension '{0}' is listed more than once",
        "Remove the duplicate entry");

    public static readonly DiagnosticDescriptor NetworkFamilyMismatch = Error(
        "HO1121", "network-family-mismatch", "Network of the wrong IP family",
        "{0} {1} is {2}, expected {3}",
        "{4}");

    public static readonly DiagnosticDescriptor DualStackIncomplete = Error(
        "HO1122", "dual-stack-incomplete", "Dual stack configured on one side only",
        "{0} has an IPv6 network but {1} does not",
        "Kubernetes needs both pod and service networks to be dual stack, or neither: add an IPv6 network to {1} or remove it from {0}");

    public static readonly DiagnosticDescriptor ServiceNetworkTooLarge = Error(
        "HO1123", "service-network-too-large", "Service network too large",
        "Service network {0} has {1} host bits; Kubernetes allows at most 20",
        "Use a prefix of /{2} or longer");

    public static readonly DiagnosticDescriptor NoSchedulableNode = Error(
        "HO1124", "no-schedulable-node", "No node can run workloads",
        "There are no worker nodes and cluster.allowSchedulingOnControlPlanes is false",
        "Set cluster.allowSchedulingOnControlPlanes: true, or add a node with role worker");

    public static readonly DiagnosticDescriptor InstallDiskSelectorEmpty = Error(
        "HO1125", "install-disk-selector-empty", "Install disk selector is empty",
        "{0} selects no disk: give at least one of model, serial, wwid, busPath, size or type",
        "Without a selector Talos may install to the wrong disk (for example a USB data disk); add 'model: <pattern>'");

    public static readonly DiagnosticDescriptor BgpSettingsMissing = Error(
        "HO1126", "bgp-settings-missing", "BGP mode without BGP settings",
        "loadBalancer.mode is bgp but loadBalancer.bgp is not set",
        "Add loadBalancer.bgp with localAsn and peers, or choose mode l2 or none");

    public static readonly DiagnosticDescriptor BgpSettingsUnused = Warning(
        "HO1127", "bgp-settings-unused", "BGP settings are ignored",
        "loadBalancer.bgp is set but loadBalancer.mode is {0}",
        "Set loadBalancer.mode: bgp to peer with the router, or remove loadBalancer.bgp");

    public static readonly DiagnosticDescriptor PoolsNotAnnounced = Warning(
        "HO1128", "pools-not-announced", "Load-balancer pools are not announced",
        "{0} load-balancer pool(s) are defined but loadBalancer.mode is none, so their addresses are unreachable",
        "Set loadBalancer.mode to bgp or l2");

    public static readonly DiagnosticDescriptor NoPools = Warning(
        "HO1129", "no-load-balancer-pools", "No load-balancer pools",
        "loadBalancer.mode is {0} but no pools are defined, so no LoadBalancer Service will get an address",
        "Add at least one pool under loadBalancer.pools");

    public static readonly DiagnosticDescriptor PoolOutsideNodeNetwork = Warning(
        "HO1130", "l2-pool-outside-node-network", "L2 pool outside the node network",
        "Pool '{0}' ({1}) is outside the node network {2}; in l2 mode only addresses on the node network can be announced",
        "Move the pool into {2}, or use BGP");

    public static readonly DiagnosticDescriptor ReplicasExceedNodes = Error(
        "HO1131", "storage-replicas-exceed-nodes", "More replicas than nodes",
        "storage.replicas is {0} but the cluster has {1} node(s)",
        "Longhorn places each replica on a different node: use at most {1} replicas");

    public static readonly DiagnosticDescriptor Ipv6GatewayOutsideNetwork = Error(
        "HO1132", "ipv6-gateway-invalid", "IPv6 gateway unreachable",
        "network.ipv6Gateway {0} is neither link-local (fe80::/10) nor inside {1}",
        "Use the router's link-local address (often fe80::1) or its address in {1}");

    public static readonly DiagnosticDescriptor Ipv6GatewayWithoutNetwork = Error(
        "HO1133", "ipv6-gateway-without-network", "IPv6 gateway without an IPv6 node network",
        "network.ipv6Gateway is set but network.nodeNetworkIPv6 is not",
        "Add network.nodeNetworkIPv6, or remove network.ipv6Gateway");

    public static readonly DiagnosticDescriptor PoolNotPrivate = Error(
        "HO1140", "pool-not-private", "Load-balancer pool outside the private ranges",
        "Pool '{0}' ({1}) is not inside one private range ({2})",
        "Use private addresses (the bundled cluster.yaml uses 172.29.52.0/24 and fd47:25e1:2f96:52::/64), or, if these addresses are routed to you, add 'allowPublic: true' to the pool");

    public static readonly DiagnosticDescriptor PoolLargerThanPlan = Warning(
        "HO1141", "pool-larger-than-needed", "Load-balancer pool larger than the address plan needs",
        "Pool '{0}' ({1}) holds {2} addresses, more than the whole {3} ({4}, {5} addresses)",
        "A pool needs one address per LoadBalancer Service: shrink it to a range inside your plan (the bundled pools hold 21 to 256 addresses)");

    public static readonly DiagnosticDescriptor PoolServesUnknown = Error(
        "HO1142", "pool-serves-unknown-pool", "Pool serves a pool that does not exist",
        "Pool '{0}' lists '{1}' under alsoServes, but there is no pool of that name",
        "Use one of: {2}");

    public static readonly DiagnosticDescriptor PoolServesSameFamily = Error(
        "HO1143", "pool-serves-same-family", "Pool serves a pool of its own IP family",
        "Pool '{0}' ({1}) lists '{2}' ({3}) under alsoServes: both hold {1} addresses, so the Services of '{2}' could draw them from either pool and Cilium would take whichever range it stored first",
        "List only pools of the other family under alsoServes (it is how a Service gets one IPv4 and one IPv6 address)");
}
