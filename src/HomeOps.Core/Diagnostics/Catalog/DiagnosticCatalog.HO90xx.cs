namespace HomeOps.Core.Diagnostics;

// HO90xx: upgrade planning and upgrade runs (homeops upgrade).
public static partial class DiagnosticCatalog
{
    public static readonly DiagnosticDescriptor UpgradeTalosUnknown = Error(
        "HO9001", "upgrade-talos-unknown", "Talos release unknown to the planner",
        "Talos {0} ({1}) is not in HomeOps's table of Talos releases ({2} to {3})",
        "Use a released Talos version from {2} to {3}; a newer release needs a HomeOps whose table knows it (src/HomeOps.Core/Upgrades/TalosReleases.cs)");

    public static readonly DiagnosticDescriptor UpgradeDowngrade = Error(
        "HO9002", "upgrade-downgrade", "Upgrade target older than the running version",
        "The {0} target {1} is older than the {2} the cluster runs",
        "Upgrades only go forward; to undo a node's failed Talos upgrade use `talosctl rollback` on that node");

    public static readonly DiagnosticDescriptor UpgradeTargetPairUnsupported = Error(
        "HO9003", "upgrade-target-pair-unsupported", "Targets Talos does not support together",
        "Talos {0} does not support Kubernetes {1}: it supports {2}",
        "Pick a Kubernetes target inside {2} (cluster.kubernetesVersion or --kubernetes), or a Talos target that supports {1}");

    public static readonly DiagnosticDescriptor UpgradePathBlocked = Error(
        "HO9004", "upgrade-path-blocked", "No supported order reaches the targets",
        "{0} cannot run with {1}: {2}",
        "The cluster runs a pair Talos does not support; bring that version inside the supported range by hand first, or choose targets the running versions can reach");

    public static readonly DiagnosticDescriptor UpgradeKubernetesReleaseUnknown = Error(
        "HO9005", "upgrade-kubernetes-release-unknown", "No known release of an intermediate Kubernetes minor",
        "The path passes Kubernetes {0}, and the planner knows no release of it (it knows the releases Talos ships for {1} to {2})",
        "Upgrade Kubernetes to a {0} release by hand (talosctl upgrade-k8s --to), then plan again");

    public static readonly DiagnosticDescriptor UpgradeVersionInvalid = Error(
        "HO9006", "upgrade-version-invalid", "Not a release version",
        "'{0}' ({1}) is not a release version",
        "Write a version such as v1.10.5");

    public static readonly DiagnosticDescriptor UpgradeClusterUnreadable = Error(
        "HO9007", "upgrade-cluster-unreadable", "The running versions could not be read",
        "The nodes of {0} could not be listed: {1}",
        "Check the kubeconfig (--kubeconfig, KUBECONFIG) and that the API answers, or plan from cluster.yaml with --offline");

    public static readonly DiagnosticDescriptor UpgradeNodeNotTalos = Error(
        "HO9008", "upgrade-node-not-talos", "A node does not report Talos",
        "Node {0} does not report a Talos and kubelet version ({1})",
        "Every node must run Talos for the plan to hold; check `kubectl get node {0} -o wide`, or plan from cluster.yaml with --offline");
}
