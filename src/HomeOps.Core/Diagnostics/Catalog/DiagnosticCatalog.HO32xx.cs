namespace HomeOps.Core.Diagnostics;

// HO32xx: rules over the built tree (hygiene learnt from the reference repository; HO324x Prometheus rules).
public static partial class DiagnosticCatalog
{
    public static readonly DiagnosticDescriptor WaitWithHealthChecks = Error(
        "HO3201", "wait-with-health-checks", "wait: true makes health checks inert",
        "Kustomization {0} sets wait: true and lists {1} health check(s); Flux ignores spec.healthChecks when wait is true",
        "Keep one: wait: true (checks everything the Kustomization applies) or explicit healthChecks with wait: false");

    public static readonly DiagnosticDescriptor HealthCheckNotProduced = Error(
        "HO3202", "health-check-not-produced", "Health check names an object the Kustomization does not apply",
        "Kustomization {0} health-checks {1}, which it does not apply{2}",
        "Point the health check at an object this Kustomization (or one of its HelmReleases) creates: check kind, name and namespace");

    public static readonly DiagnosticDescriptor FileUnreferenced = Warning(
        "HO3203", "file-unreferenced", "YAML file no Kustomization reaches",
        "'{0}' is not reached by any Flux Kustomization",
        "Delete it, or reference it from a kustomization.yaml; dead files mislead readers and Renovate");

    public static readonly DiagnosticDescriptor SubstitutionVariableUnused = Warning(
        "HO3204", "substitution-variable-unused", "Substitution variable never used",
        "Variable '{0}' of Kustomization {1} is not referenced by any object it builds",
        "Remove the variable, or reference it as ${{{0}}}");

    public static readonly DiagnosticDescriptor SubstitutionVariableUndefined = Error(
        "HO3205", "substitution-variable-undefined", "Substitution variable not defined",
        "'${{{0}}}' in {1} is not defined for Kustomization {2}; Flux replaces it with an empty string",
        "Define '{0}' in postBuild.substitute or a substituteFrom ConfigMap, or give a default: ${{{0}:=value}}");

    public static readonly DiagnosticDescriptor SecretWithData = Error(
        "HO3206", "secret-in-repository", "Secret with data in the repository",
        "Secret '{0}' carries {1} in a tracked file",
        "Store the value in 1Password and create the Secret with an ExternalSecret; if it is a reviewed test value, add it to the secrets baseline") with { SourceIsSecret = true };

    public static readonly DiagnosticDescriptor PrivateKeyInRepository = Error(
        "HO3207", "private-key-in-repository", "Private key in the repository",
        "'{0}' contains a private key ({1})",
        "Remove it from the repository and its history, rotate the key; reviewed test keys go in the secrets baseline") with { SourceIsSecret = true };

    public static readonly DiagnosticDescriptor CredentialFileInRepository = Error(
        "HO3208", "credential-file-in-repository", "kubeconfig or talosconfig in the repository",
        "'{0}' is a {1} with credentials",
        "Remove it and rotate the credentials; such files belong in a git-ignored path with mode 0600") with { SourceIsSecret = true };

    public static readonly DiagnosticDescriptor TokenInRepository = Error(
        "HO3209", "token-in-repository", "Access token in the repository",
        "'{0}' contains what looks like a {1}",
        "Remove it and revoke the token; reviewed false positives go in the secrets baseline") with { SourceIsSecret = true };

    public static readonly DiagnosticDescriptor ImageNotPinned = Warning(
        "HO3210", "image-not-pinned", "Container image not pinned",
        "{0} runs image '{1}' {2}",
        "Pin a version tag (and optionally a digest) so upgrades are commits Renovate can propose");

    public static readonly DiagnosticDescriptor DuplicateObject = Error(
        "HO3211", "duplicate-object", "Object defined twice in one Kustomization",
        "{0} is produced twice by Kustomization {1} ({2})",
        "Keep one definition; the second silently overwrites the first");

    public static readonly DiagnosticDescriptor ObjectManagedTwice = Error(
        "HO3212", "object-managed-twice", "Object applied by two Kustomizations",
        "{0} is applied by both {1} and {2}",
        "Let one Kustomization own it; two owners fight over it and pruning one deletes it");

    public static readonly DiagnosticDescriptor FluxNotSelfManaged = Error(
        "HO3213", "flux-not-self-managed", "Flux does not manage its own installation",
        "The root Kustomization '{0}' does not apply the Flux controllers or a FluxInstance",
        "List flux-system/ (gotk-components.yaml) in {1}, or deploy a FluxInstance, so Flux upgrades are commits that reach the cluster");

    public static readonly DiagnosticDescriptor VersionDisagreesWithClusterConfig = Error(
        "HO3214", "version-disagrees-with-cluster-config", "Version differs from cluster.yaml",
        "{0} is {1} but cluster.yaml says {2}",
        "Keep one source of truth: change {3}");

    public static readonly DiagnosticDescriptor SecretConflictsWithExternalSecret = Error(
        "HO3215", "secret-conflicts-with-external-secret", "Secret also written by an ExternalSecret",
        "Secret {0} is defined in the tree and is also the target of ExternalSecret {1}",
        "Delete the Secret object; the ExternalSecret owns it and the two overwrite each other");

    public static readonly DiagnosticDescriptor JobWithoutForce = Warning(
        "HO3216", "job-without-force", "Job applied without force",
        "Job {0} is applied by Kustomization {1} without force",
        "A Job's template is immutable, so its next change fails to apply: set spec.force: true on the Kustomization or annotate the Job kustomize.toolkit.fluxcd.io/force: enabled (or make it a CronJob)");

    public static readonly DiagnosticDescriptor SourceUnused = Warning(
        "HO3217", "source-unused", "Flux source not used",
        "{0} {1} is not used by any HelmRelease or Kustomization",
        "Delete it; unused sources are still polled and mislead readers");

    public static readonly DiagnosticDescriptor ChartVersionNotPinned = Warning(
        "HO3218", "chart-version-not-pinned", "Chart version not pinned",
        "HelmRelease {0} uses chart version '{1}'",
        "Pin an exact version so upgrades are commits Renovate can propose");

    public static readonly DiagnosticDescriptor RecurringJobUnattached = Warning(
        "HO3219", "recurring-job-unattached", "Longhorn recurring job attached to nothing",
        "RecurringJob {0} runs for group(s) {1}, which no StorageClass, PersistentVolumeClaim or volume selects",
        "Add 'recurring-job-group.longhorn.io/<group>: enabled' to the PVCs (with 'recurring-job.longhorn.io/source: enabled') or a StorageClass recurringJobSelector");

    public static readonly DiagnosticDescriptor DependencyDoesNotWait = Warning(
        "HO3220", "dependency-does-not-wait", "dependsOn target does not wait for its objects",
        "Kustomization {0} depends on {1}, which has neither wait: true nor health checks",
        "Flux marks {1} Ready as soon as it is applied: give it wait: true or healthChecks so the dependency means 'running'");

    public static readonly DiagnosticDescriptor SettingsInvalid = Error(
        "HO3221", "settings-invalid", "Invalid .homeops.yaml",
        "{0}",
        "See docs/validate.md for the keys of .homeops.yaml");

    public static readonly DiagnosticDescriptor KustomizationTimeoutTooShort = Warning(
        "HO3222", "kustomization-timeout-too-short", "Kustomization gives up no later than a HelmRelease it waits for",
        "Kustomization {0} waits for HelmRelease {1} but times out after {2}, and the release may take {3} to install or upgrade",
        "Give the Kustomization a spec.timeout longer than the release's (a HelmRelease's spec.timeout defaults to 5m; a Kustomization without one times out 30s before its interval)");

    public static readonly DiagnosticDescriptor PromQlInvalid = Error(
        "HO3240", "promql-invalid", "PrometheusRule expression is not valid PromQL",
        "{0} rule '{1}': {2}",
        "Fix the expression; Prometheus refuses the whole rule file, so none of its rules run (try it in Prometheus' expression browser)");

    public static readonly DiagnosticDescriptor AlertMetricNotExported = Warning(
        "HO3241", "alert-metric-not-exported", "Alert reads a metric its exporter does not export",
        "{0} rule '{1}' reads '{2}', which CloudNativePG 1.27 and the Barman Cloud plugin v0.5.0 do not export; the rule never fires",
        "Use a metric from CloudNativePG's collector or default queries (docs/services.md lists them), or add it as a custom query first");

    public static readonly DiagnosticDescriptor AlertWithoutSeverityOrSummary = Warning(
        "HO3242", "alert-without-severity-or-summary", "Alert without severity or summary",
        "{0} alert '{1}' has no {2}",
        "Give every alert labels.severity (critical, warning or info: Alertmanager routes on it) and annotations.summary (the one line a notification shows)");

    public static readonly DiagnosticDescriptor PlaceholderLeft = Error(
        "HO3243", "placeholder-left", "Placeholder value left in the tree",
        "{0} line {1} still holds a placeholder: {2}",
        "Put the real value there (a secret through an ExternalSecret from 1Password, a per-cluster value in cluster.yaml or a substitution variable)");

    public static readonly DiagnosticDescriptor TaskfileTaskMissing = Error(
        "HO3244", "taskfile-task-missing", "Taskfile task calls a task that does not exist",
        "Task '{0}' ({1}) calls task '{2}', which no Taskfile of the repository defines",
        "Fix the name or define the task; tasks of an included Taskfile are called NAMESPACE:TASK, and ':TASK' calls a task of the root Taskfile from an included one");

    public static readonly DiagnosticDescriptor HelmInstallOfFluxChart = Error(
        "HO3245", "helm-install-of-flux-chart", "Script installs a chart a HelmRelease also installs",
        "{0} runs helm install of chart '{1}' as release '{2}' in namespace '{3}', but HelmRelease {4} installs it as '{5}' in '{6}': two installs of one chart",
        "Let Flux install the chart (drop the command), or use the HelmRelease's release name and namespace so helm-controller takes the release over");

    public static readonly DiagnosticDescriptor AddressOutsideClusterNetworks = Warning(
        "HO3246", "address-outside-cluster-networks", "Private address outside every network of the cluster",
        "{0} is a private address in none of the cluster's networks (node, pod and Service networks, LoadBalancer pools, gateway, VIP, nameservers, BGP peers)",
        "If it was copied from another home network (a template's router or DNS address), put your own there; if the cluster really reaches that network, the warning can stay");

    public static readonly DiagnosticDescriptor ChartInstalledTwice = Error(
        "HO3247", "chart-installed-twice", "Two HelmReleases install one chart under one name",
        "HelmRelease {0} installs chart '{1}' ({2}) into namespace '{3}' as '{4}', like HelmRelease {5} ({6}): both render the same objects; {7}",
        "Remove one of the HelmReleases, or give each its own release name or fullnameOverride if two instances are meant");
}
