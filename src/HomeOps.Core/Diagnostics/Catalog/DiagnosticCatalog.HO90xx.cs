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
        "Check the kubeconfig (--kubeconfig, KUBECONFIG) and that the API answers, or plan from cluster.yaml with --offline") with { EnvironmentProblem = true };

    public static readonly DiagnosticDescriptor UpgradeNodeNotTalos = Error(
        "HO9008", "upgrade-node-not-talos", "A node does not report Talos",
        "Node {0} does not report a Talos and kubelet version ({1})",
        "Every node must run Talos for the plan to hold; check `kubectl get node {0} -o wide`, or plan from cluster.yaml with --offline");

    // HO9050-HO9069: the node-side steps of an upgrade run (drain, uncordon, CloudNativePG switchover).
    public static readonly DiagnosticDescriptor UpgradeDrainBlockedByBudget = Error(
        "HO9050", "upgrade-drain-blocked-by-pdb", "A PodDisruptionBudget kept a pod on the node being drained",
        "Draining {0} did not finish within {1}: pod {2} may not be evicted, PodDisruptionBudget {3} allows no disruption ({4})",
        "The budget counts healthy pods: wait until its pods are Ready on other nodes, give the workload more replicas, or relax the budget (`kubectl get pdb -n <namespace> <name> -o yaml` shows desiredHealthy and currentHealthy). {0} stays cordoned: `kubectl uncordon {0}` gives it back");

    public static readonly DiagnosticDescriptor UpgradeDrainPodsNotGone = Error(
        "HO9051", "upgrade-drain-pods-not-gone", "Evicted pods did not leave the node",
        "Draining {0} did not finish within {1}: evicted pod(s) still on the node: {2}",
        "A pod stays while its containers stop (terminationGracePeriodSeconds) or while a finalizer holds it: `kubectl get pod -n <namespace> <name> -o yaml` shows which. {0} stays cordoned: `kubectl uncordon {0}` gives it back");

    public static readonly DiagnosticDescriptor UpgradeEvictionRefused = Error(
        "HO9052", "upgrade-eviction-refused", "The API server refused an eviction",
        "The API server refused to evict pod {0} from {1}: HTTP {2}: {3}",
        "The eviction API supports one PodDisruptionBudget per pod: make the budgets' selectors disjoint; a budget whose status is broken is repaired by the disruption controller (kube-controller-manager). {1} stays cordoned: `kubectl uncordon {1}` gives it back");

    public static readonly DiagnosticDescriptor UpgradeNodeStepFailed = Error(
        "HO9053", "upgrade-node-step-failed", "A node step of the upgrade could not talk to the API",
        "{0} for node {1} failed: {2}",
        "Check that the API server answers (`homeops status`) and that the kubeconfig may patch nodes, list pods, create pods/eviction and patch postgresql.cnpg.io clusters/status");

    public static readonly DiagnosticDescriptor UpgradeNodeNotFound = Error(
        "HO9054", "upgrade-node-not-found", "The node to drain is not in the cluster",
        "Node {0} is not in the cluster (its nodes: {1})",
        "Use a node name from `kubectl get nodes`; the names in cluster.yaml are the Kubernetes node names");

    public static readonly DiagnosticDescriptor CnpgSwitchoverSingleInstance = Error(
        "HO9060", "cnpg-switchover-single-instance", "A one-instance PostgreSQL cluster cannot switch over",
        "PostgreSQL cluster {0} has one instance and its primary {1} runs on {2}: there is no replica to switch over to, so upgrading {2} stops the database",
        "Give the cluster a replica first (spec.instances: 2 or more in its Cluster manifest, applied by Flux; wait until `kubectl cnpg status {0}` shows it streaming), or accept the downtime: run the upgrade at a time the database may stop, after a backup");

    public static readonly DiagnosticDescriptor CnpgSwitchoverNoCandidate = Error(
        "HO9061", "cnpg-switchover-no-candidate", "No replica to switch the PostgreSQL primary to",
        "PostgreSQL cluster {0}'s primary {1} runs on {2}, and no ready replica runs on another schedulable node ({3})",
        "Wait until a replica is Ready on another node (`kubectl cnpg status {0}`), and uncordon the other nodes; the switchover needs a ready instance off {2}");

    public static readonly DiagnosticDescriptor CnpgSwitchoverTimeout = Error(
        "HO9062", "cnpg-switchover-timeout", "The PostgreSQL primary did not move",
        "PostgreSQL cluster {0} did not switch over to {1} within {2}: currentPrimary is {3}, targetPrimary {4}, phase '{5}'",
        "The operator promotes the target once the old primary has shut down and the target's instance manager reports; `kubectl cnpg status {0}` and the operator's log say why it waits. A targetPrimary set back to the old primary means the operator refused the target (no longer an active instance)");

    public static readonly DiagnosticDescriptor UpgradeNodeBootedOldImage = Error(
        "HO9009", "upgrade-node-booted-old-image", "A node came back on its old image",
        "{0} came back on Talos {1} (schematic {2}), not the Talos {3} (schematic {4}) it was upgraded to: it booted its previous image",
        "Talos boots the previous image when the new one fails to boot. Read why with 'talosctl dmesg --nodes {5}', fix it, then run the upgrade again; the run stopped before the next node and {0} stays cordoned");

    public static readonly DiagnosticDescriptor UpgradeNodeSchematicMismatch = Error(
        "HO9010", "upgrade-node-schematic-mismatch", "A node runs another schematic than the one asked for",
        "{0} runs Talos {1} with schematic {2}, not the schematic {3} of the installer image {4}",
        "The node's extensions differ from cluster.yaml's (homeops talos schematic shows the ID it asks for); check the installer image, then run the upgrade again; the run stopped before the next node");

    public static readonly DiagnosticDescriptor UpgradeGateTimeout = Error(
        "HO9011", "upgrade-gate-timeout", "An upgrade gate did not pass in time",
        "Gate '{0}' {1} did not pass within {2}: {3}",
        "Nothing further was changed. {4}; then run the upgrade again (nodes already upgraded are skipped)");

    public static readonly DiagnosticDescriptor UpgradeKubernetesUnsupportedByNode = Error(
        "HO9012", "upgrade-kubernetes-unsupported-by-node", "A node's Talos does not support the Kubernetes target",
        "{0} runs Talos {1}, which supports Kubernetes {2}, not {3}",
        "Upgrade Talos first ('homeops upgrade plan' shows the order, 'homeops upgrade talos' runs it); upgrading Kubernetes past what Talos supports blocks the next Talos upgrade");

    public static readonly DiagnosticDescriptor UpgradeKubeletNotUpdated = Error(
        "HO9013", "upgrade-kubelet-not-updated", "A kubelet did not reach the Kubernetes target",
        "After talosctl upgrade-k8s, {0} reports kubelet {1}, not {2}",
        "talosctl upgrade-k8s can be run again safely: run 'homeops upgrade kubernetes' again, and check the node with 'talosctl service kubelet --nodes {0}'");

    public static readonly DiagnosticDescriptor UpgradeNodeUnreadable = Error(
        "HO9014", "upgrade-node-unreadable", "A node's Talos version or schematic could not be read",
        "The Talos version and schematic of {0} ({1}) could not be read: {2}",
        "A run reads from the nodes which ones are done; check that 'talosctl version --nodes {1}' answers, then run the upgrade again");

    public static readonly DiagnosticDescriptor UpgradeStepFailed = Error(
        "HO9015", "upgrade-step-failed", "An upgrade step failed",
        "{0} failed for {1}: {2}",
        "The run stopped here; fix the cause, then run the upgrade again (nodes already upgraded are skipped)");

    public static readonly DiagnosticDescriptor UpgradeTalosRefused = Error(
        "HO9016", "upgrade-talos-refused", "A node's Talos upgrade failed",
        "{0} ({1}): 'talosctl upgrade' to {2} failed: {3}",
        "Read talosctl's answer. A refusal before the upgrade started changed nothing on the node: an installer image 'not found' means Image Factory has no such schematic or tag (compare 'homeops talos schematic' with the image), 'error validating etcd' means a member is unhealthy ('talosctl etcd status'). Anything else (a timeout, a connection lost while talosctl waited for the reboot) may have left the node installing or rebooting: check 'talosctl version' and 'talosctl dmesg' on {1} first. {0} stays cordoned; once it is settled, run 'homeops upgrade talos' again: it reads from the cluster which nodes are upgraded and resumes at {0}");
}
