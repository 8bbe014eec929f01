namespace HomeOps.Core.Diagnostics;

// HO60xx: `homeops status` and `homeops doctor` could not ask (the API, talosctl, a Service did not answer), and the
// root causes status reports. Each is one line of its section; the other sections still print.
public static partial class DiagnosticCatalog
{
    public static readonly DiagnosticDescriptor KubeconfigNotFound = Error(
        "HO6001", "kubeconfig-not-found", "No kubeconfig to reach the cluster",
        "No kubeconfig: {0}",
        "Pass --kubeconfig FILE, set KUBECONFIG, or let 'homeops bootstrap' write .homeops/CLUSTER/kubeconfig (step kubeconfig)");

    public static readonly DiagnosticDescriptor KubeApiUnreachable = Error(
        "HO6002", "kube-api-unreachable", "The Kubernetes API server does not answer",
        "The Kubernetes API server at {0} did not answer: {1}",
        "Check that the control-plane nodes are up ('talosctl -n NODE health') and that this machine reaches the API address (VPN, VLAN, firewall)");

    public static readonly DiagnosticDescriptor KubeApiUnauthorized = Error(
        "HO6003", "kube-api-unauthorized", "The API server refused the kubeconfig's credentials",
        "The API server at {0} refused the kubeconfig's credentials (HTTP 401): {1}",
        "The kubeconfig's client certificate has probably expired (Talos issues it for a year): write a new one with 'talosctl -n NODE kubeconfig --force FILE'");

    public static readonly DiagnosticDescriptor KubeconfigCertificateExpired = Error(
        "HO6004", "kubeconfig-certificate-expired", "The kubeconfig's client certificate has expired",
        "The client certificate of kubeconfig user '{0}' expired on {1}; the API server will refuse every request",
        "Write a new kubeconfig with 'talosctl -n NODE kubeconfig --force FILE' (Talos signs a fresh certificate)");

    public static readonly DiagnosticDescriptor KubeApiForbidden = Error(
        "HO6005", "kube-api-forbidden", "The kubeconfig's user may not read this",
        "The API server refused to list {0} (HTTP 403): {1}",
        "Use an admin kubeconfig ('talosctl kubeconfig' gives one), or grant the user 'list' on {0}");

    public static readonly DiagnosticDescriptor ComponentNotInstalled = Info(
        "HO6006", "component-not-installed", "Component not installed",
        "{0} is not installed: the API server does not serve {1}",
        "Nothing to do if this cluster does not run {0}; otherwise check its Flux Kustomization (the Flux section shows it)");

    public static readonly DiagnosticDescriptor KubeListFailed = Error(
        "HO6007", "kube-list-failed", "Listing objects failed",
        "Listing {0} failed: {1}",
        "Retry; if it persists, look at the API server's logs ('talosctl -n NODE logs kube-apiserver')");

    public static readonly DiagnosticDescriptor TalosconfigNotFound = Error(
        "HO6010", "talosconfig-not-found", "No talosconfig to reach the nodes",
        "No talosconfig: {0}",
        "Pass --talosconfig FILE, set TALOSCONFIG, or render it with 'homeops talos render' (talos/generated/talosconfig)");

    public static readonly DiagnosticDescriptor TalosQueryFailed = Error(
        "HO6011", "talos-query-failed", "talosctl could not ask the nodes",
        "'{0}' failed: {1}",
        "Check that the nodes answer on port 50000 and that the talosconfig belongs to this cluster ('talosctl -n NODE version')");

    public static readonly DiagnosticDescriptor ServiceProbeFailed = Error(
        "HO6012", "service-probe-failed", "A service could not be reached",
        "Could not reach {0}: {1}",
        "Check the Service and its pods ('kubectl -n NAMESPACE get svc,pods'); the Kubernetes section lists pods that are not Ready");
}
