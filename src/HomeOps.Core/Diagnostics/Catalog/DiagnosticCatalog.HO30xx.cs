namespace HomeOps.Core.Diagnostics;

// HO30xx: discovering and building the GitOps tree (kustomize, substitution, Helm rendering).
public static partial class DiagnosticCatalog
{
    public static readonly DiagnosticDescriptor KustomizeBuildFailed = Error(
        "HO3001", "kustomize-build-failed", "kustomize build failed",
        "Kustomization {0}: kustomize build of '{1}' failed: {2}",
        "Fix the kustomization at this path; reproduce with 'kubectl kustomize {1}'");

    public static readonly DiagnosticDescriptor KustomizationPathMissing = Error(
        "HO3002", "kustomization-path-missing", "Kustomization path does not exist",
        "Kustomization {0} points at '{1}', which does not exist in the repository",
        "Correct spec.path (relative to the repository root, e.g. './infrastructure/longhorn')");

    public static readonly DiagnosticDescriptor FluxEntryMissing = Error(
        "HO3003", "flux-entry-missing", "Flux entry folder missing",
        "The Flux entry folder '{0}' does not exist",
        "Create it, or set gitops.path in cluster.yaml to the folder Flux reconciles (e.g. clusters/home-ops)");

    public static readonly DiagnosticDescriptor ExternalSourceSkipped = Info(
        "HO3004", "external-source-skipped", "Kustomization from another source not built",
        "Kustomization {0} reconciles {1}, not this repository; it was not built",
        "Nothing to do if that is intended; only this repository's Kustomizations are validated");

    public static readonly DiagnosticDescriptor ObjectUndecodable = Error(
        "HO3005", "object-undecodable", "Object without apiVersion, kind or name",
        "A document built by Kustomization {0} has no {1}",
        "Flux fails with 'failed to decode Kubernetes apiVersion, kind and name': give every document apiVersion, kind and metadata.name");

    public static readonly DiagnosticDescriptor NamespaceNotSpecified = Error(
        "HO3006", "namespace-not-specified", "Namespaced object without a namespace",
        "{0} is namespaced but has no metadata.namespace after the build",
        "Flux does not default namespaces ('namespace not specified'): set metadata.namespace, kustomize 'namespace:' or spec.targetNamespace");

    public static readonly DiagnosticDescriptor SubstitutionSyntax = Error(
        "HO3007", "substitution-syntax", "Invalid variable substitution",
        "Kustomization {0}: variable substitution fails on '{1}' in {2}: {3}",
        "Flux fails the whole Kustomization: fix the expression, escape a literal as '$${{...}}', or label the object kustomize.toolkit.fluxcd.io/substitute: disabled");

    public static readonly DiagnosticDescriptor SubstitutionVariableNameInvalid = Error(
        "HO3008", "substitution-variable-name-invalid", "Invalid substitution variable name",
        "Variable '{0}' (from {1}) is not a valid name",
        "Flux rejects the whole build ('var name is invalid'): names match ^[_a-zA-Z][_a-zA-Z0-9]*$, so rename the key");

    public static readonly DiagnosticDescriptor SubstituteFromMissing = Error(
        "HO3009", "substitute-from-missing", "substituteFrom object not found",
        "Kustomization {0} reads variables from {1} '{2}' in namespace {3}, which is not in the tree",
        "Add the {1} to the tree (e.g. the cluster-settings ConfigMap 'homeops render' writes), or mark the entry optional: true");

    public static readonly DiagnosticDescriptor HelmChartUnavailable = Warning(
        "HO3010", "helm-chart-unavailable", "Helm chart could not be fetched",
        "HelmRelease {0}: chart {1} could not be fetched: {2}",
        "Check the chart name, version and repository; run with --offline to skip chart rendering");

    public static readonly DiagnosticDescriptor HelmTemplateFailed = Error(
        "HO3011", "helm-template-failed", "helm template failed",
        "HelmRelease {0}: 'helm template' of {1} failed: {2}",
        "Fix the values (or the chart version) so the chart renders");

    public static readonly DiagnosticDescriptor HelmRenderingSkipped = Info(
        "HO3012", "helm-rendering-skipped", "HelmReleases not rendered",
        "{0} HelmRelease(s) were not rendered: {1}",
        "Objects inside charts were not checked; {2}");

    public static readonly DiagnosticDescriptor HelmSourceUnsupported = Info(
        "HO3013", "helm-source-unsupported", "HelmRelease source cannot be rendered offline",
        "HelmRelease {0}: its chart comes from {1}, which HomeOps cannot fetch",
        "Nothing to do; the chart is not rendered, so its objects are not checked");

    public static readonly DiagnosticDescriptor ChartMirrorInvalid = Error(
        "HO3014", "chart-mirror-invalid", "Chart mirror unusable",
        "The chart mirror '{0}' cannot be used: {1}",
        "Point --chart-mirror (or HOMEOPS_CHART_MIRROR) at a folder holding a Helm repository (index.yaml from 'helm repo index' beside the .tgz archives), or unset it");

    public static readonly DiagnosticDescriptor OtherFluxEntriesNotValidated = Info(
        "HO3020", "other-flux-entries-not-validated", "Other clusters of the repository not validated",
        "This repository has other Flux entries that this run does not validate: {0}; files they reach are not reported as unreferenced",
        "Validate each cluster too: homeops validate --path {1}");

    public static readonly DiagnosticDescriptor UnreferencedCheckReadUnbuilt = Info(
        "HO3021", "unreferenced-check-read-unbuilt", "Unreferenced-file check read what was not built",
        "{0} Kustomization(s) were not built: {1}; the unreferenced-file check followed the Flux Kustomizations written in their files instead of their build output",
        "Nothing to do if intended; once they build, validate checks their files from the build itself");

    public static readonly DiagnosticDescriptor RemoteResourceNotFetched = Info(
        "HO3022", "remote-resource-not-fetched", "Remote kustomize resource not fetched offline",
        "Kustomization {0} builds remote resource '{1}', which --offline does not fetch; it was not built",
        "Drop --offline to build it (kustomize fetches the remote base), or vendor the base into the repository");
}
