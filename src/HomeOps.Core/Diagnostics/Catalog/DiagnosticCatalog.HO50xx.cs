namespace HomeOps.Core.Diagnostics;

// HO50xx: bootstrap, cluster reset and node rollouts (steps that talk to nodes, 1Password and the cluster).
public static partial class DiagnosticCatalog
{
    public static readonly DiagnosticDescriptor BootstrapInputInvalid = Error(
        "HO5001", "bootstrap-input-invalid", "Bootstrap refused: the repository has errors",
        "'homeops check' found {0} error(s); bootstrap does not start on a broken cluster.yaml or tree",
        "Fix the errors listed above ('homeops check' shows them), then run the bootstrap again");

    public static readonly DiagnosticDescriptor BootstrapUnknownStep = Error(
        "HO5002", "bootstrap-unknown-step", "Unknown bootstrap step",
        "There is no bootstrap step '{0}'",
        "Steps are: {1}");

    public static readonly DiagnosticDescriptor BootstrapStepCycle = Error(
        "HO5003", "bootstrap-step-cycle", "Bootstrap steps depend on each other in a cycle",
        "The bootstrap steps form a cycle: {0}",
        "This is a bug in HomeOps: please report it");

    public static readonly DiagnosticDescriptor BootstrapDependencyNotDone = Error(
        "HO5004", "bootstrap-dependency-not-done", "A step's dependencies have not run",
        "Step '{0}' needs '{1}', which has not completed",
        "Run 'homeops bootstrap --resume' (or '--from {1}') first");

    public static readonly DiagnosticDescriptor NodeUnreachable = Error(
        "HO5010", "node-unreachable", "Node does not answer on the Talos API",
        "Node {0} ({1}) does not answer on the Talos API (port 50000): {2}",
        "Check that the node is powered on, booted from the Talos image and on the network; 'talosctl -n {1} -e {1} get machinestatus --insecure' should answer");

    public static readonly DiagnosticDescriptor ApplyConfigFailed = Error(
        "HO5011", "talos-apply-failed", "Applying the machine config failed",
        "Applying the machine config to {0} ({1}) failed: {2}",
        "Check the rendered config with 'homeops talos validate'; a node that is already configured needs the talosconfig of this cluster");

    public static readonly DiagnosticDescriptor EtcdBootstrapFailed = Error(
        "HO5012", "etcd-bootstrap-failed", "etcd bootstrap failed",
        "Bootstrapping etcd on {0} failed: {1}",
        "Check 'talosctl -n {0} -e {0} service etcd' and the node's logs ('talosctl dmesg'); then run 'homeops bootstrap --resume'");

    public static readonly DiagnosticDescriptor OnePasswordItemMissing = Error(
        "HO5020", "onepassword-item-missing", "1Password item not found",
        "1Password has no item '{0}' in vault '{1}': {2}",
        "Create it (see docs/bootstrap.md, 'Bootstrap secrets'), or name the right item in cluster.yaml under secrets.onePassword");

    public static readonly DiagnosticDescriptor OnePasswordUnavailable = Error(
        "HO5021", "onepassword-unavailable", "1Password CLI failed",
        "'op' could not read '{0}': {1}",
        "Sign in with 'op signin' (or set OP_SERVICE_ACCOUNT_TOKEN) and check the vault name in cluster.yaml");

    public static readonly DiagnosticDescriptor ConnectCredentialsInvalid = Error(
        "HO5022", "connect-credentials-invalid", "1Password Connect credentials are not valid",
        "The Connect credentials in '{0}' are not a version 2 1password-credentials.json: {1}",
        "Store the file 'op connect server create' wrote as a Document item, unmodified (a text field truncates it)");

    public static readonly DiagnosticDescriptor ConnectTokenInvalid = Error(
        "HO5023", "connect-token-invalid", "1Password Connect token looks wrong",
        "The Connect token in '{0}' is {1} characters long; a Connect access token is a JWT of several hundred",
        "Create a token with 'op connect token create' and store it in the item's 'token' field");

    public static readonly DiagnosticDescriptor CoreChartMissing = Error(
        "HO5030", "core-chart-missing", "A core chart is not defined in the tree",
        "The bootstrap installs '{0}' from the GitOps tree, but no HelmRelease named '{0}' was found under {1}",
        "Add its HelmRelease (with chart, version and values) to the tree; the bootstrap reads it so Flux can adopt the release");

    public static readonly DiagnosticDescriptor CoreChartSourceMissing = Error(
        "HO5031", "core-chart-source-missing", "A core chart's source is not defined",
        "HelmRelease '{0}' uses {1} '{2}', which is not defined in the tree",
        "Add the HelmRepository or OCIRepository the HelmRelease names in its sourceRef");

    public static readonly DiagnosticDescriptor HelmInstallFailed = Error(
        "HO5032", "helm-install-failed", "Installing a chart failed",
        "helm could not install '{0}': {1}",
        "Run the helm command shown above by hand to see its full output, fix the cause, then 'homeops bootstrap --resume'");

    public static readonly DiagnosticDescriptor ApiUnreachable = Error(
        "HO5040", "api-unreachable", "The Kubernetes API does not answer",
        "The Kubernetes API at {0} did not answer while {1}: {2}",
        "Check the control-plane nodes ('talosctl health'); once the API answers, 'homeops bootstrap --resume' continues where this stopped");

    public static readonly DiagnosticDescriptor ApiRequestFailed = Error(
        "HO5041", "api-request-failed", "The Kubernetes API refused a request",
        "{0}",
        "Fix the cause shown, then 'homeops bootstrap --resume'");

    public static readonly DiagnosticDescriptor WaitTimedOut = Error(
        "HO5042", "wait-timed-out", "Timed out waiting for the cluster",
        "Waited {0} for {1}; still {2}",
        "Look at what it still waits on (above); once it is fixed, 'homeops bootstrap --resume' picks up from this step");

    public static readonly DiagnosticDescriptor ResetConfirmationMismatch = Error(
        "HO5050", "reset-confirmation-mismatch", "Reset not confirmed",
        "The typed name '{0}' is not the cluster name '{1}'; nothing was reset",
        "Type the cluster name exactly to confirm, or pass --confirm {1}");

    public static readonly DiagnosticDescriptor ResetBreaksQuorum = Error(
        "HO5051", "reset-breaks-quorum", "Reset would break etcd quorum",
        "Resetting {0} of {1} control-plane node(s) leaves {2}, below the etcd quorum of {3}",
        "Reset fewer control-plane nodes at a time, or pass --all to rebuild the whole cluster from scratch");

    public static readonly DiagnosticDescriptor UnknownNode = Error(
        "HO5052", "unknown-node", "Unknown node",
        "cluster.yaml has no node '{0}'",
        "Nodes are: {1}");

    public static readonly DiagnosticDescriptor NodeUnhealthy = Error(
        "HO5053", "node-unhealthy", "Node not healthy after the change",
        "{0} did not become healthy after '{1}': {2}",
        "The rollout stopped here so the other nodes keep quorum; fix this node ('talosctl -n {0} dmesg'), then run the command again");

    public static readonly DiagnosticDescriptor CoreChartUnresolvable = Error(
        "HO5060", "core-chart-unresolvable", "A core chart cannot be installed as its HelmRelease says",
        "The bootstrap installs HelmRelease '{0}' before Flux runs, but cannot: {1}",
        "Give the HelmRelease a pinned chart version from a HelmRepository or an OCIRepository in the tree; the bootstrap never leaves a core chart out");

    public static readonly DiagnosticDescriptor PendingReleaseUnrepairable = Error(
        "HO5061", "pending-release-unrepairable", "A Helm release left pending cannot be repaired",
        "Release {0} is {1} (an install or upgrade was interrupted, so helm refuses another operation) and could not be repaired: {2}",
        "Run 'helm history {3}' to see the revisions; roll back to the last deployed one ('helm rollback') or, if none ever deployed, 'helm uninstall' it, then 'homeops bootstrap --resume'");

    public static readonly DiagnosticDescriptor ChartNotReady = Error(
        "HO5062", "chart-not-ready", "A chart's workloads never became ready",
        "helm installed '{0}' but gave up after {1} waiting for its workloads: {2}",
        "Fix what the cluster reports above (a Secret the chart needs, nodes NotReady), then 'homeops bootstrap --resume': the release is repaired and installed again");

    public static readonly DiagnosticDescriptor CniNotReady = Error(
        "HO5063", "cni-not-ready", "The CNI never became ready",
        "'{0}' is installed but its agents do not run, so every node stays NotReady ({1}): {2}",
        "Check Cilium's values in this HelmRelease: k8sServiceHost/k8sServicePort must reach the API server (on Talos KubePrism, localhost:7445), ipam.mode must be one the cluster can allocate from (cluster-pool with cluster.yaml's pod networks), and the release belongs in kube-system (Talos's Pod Security exempts only it); then 'homeops bootstrap --resume'");

    public static readonly DiagnosticDescriptor NodeFromAnotherBundle = Error(
        "HO5070", "talos-node-other-bundle", "A node runs a configuration from another Talos secrets bundle",
        "Node {0} ({1}) is configured, but not with this cluster's secrets bundle: it does not trust the talosconfig ({2})",
        "Use the bundle the node was built with (the 1Password item in cluster.yaml secrets.onePassword, or talos/secrets.yaml), or wipe the node first ('homeops cluster reset --nodes {0}') if it belongs to no other cluster");

    public static readonly DiagnosticDescriptor FluxSourceNotReady = Error(
        "HO5071", "flux-source-not-ready", "Flux cannot fetch the GitOps repository",
        "Flux's GitRepository flux-system ({0}, branch {1}) is not Ready: {2}",
        "Check gitops.repository and gitops.branch in cluster.yaml (then 'homeops render'): the repository must exist, be readable by the cluster and hold the branch; then 'homeops bootstrap --resume'");

    public static readonly DiagnosticDescriptor FluxRootPathFailed = Error(
        "HO5072", "flux-root-path-failed", "Flux cannot build the root Kustomization's path",
        "The root Kustomization flux-system cannot build '{0}' from {1}: {2}",
        "Check gitops.path in cluster.yaml (then 'homeops render'): the folder must exist in the repository on that branch; then 'homeops bootstrap --resume'");

    public static readonly DiagnosticDescriptor OnePasswordVaultNotFound = Error(
        "HO5080", "onepassword-vault-not-found", "1Password vault not found",
        "1Password has no vault '{0}' that the signed-in account can see; nothing was read, generated or stored",
        "Check secrets.onePassword.vault in cluster.yaml against 'op vault list' (a service account sees only the vaults it was granted), then run the command again");

    public static readonly DiagnosticDescriptor OnePasswordItemAmbiguous = Error(
        "HO5081", "onepassword-item-ambiguous", "Several 1Password items have the same title",
        "{0} items in vault '{1}' are titled '{2}'; HomeOps cannot tell which one to use",
        "Keep one (archive the others in 1Password; their IDs: {3}), or name the one to use by its ID in cluster.yaml (secrets.onePassword)");
}
