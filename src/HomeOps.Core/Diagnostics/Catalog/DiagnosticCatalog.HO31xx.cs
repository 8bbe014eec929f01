namespace HomeOps.Core.Diagnostics;

// HO31xx: schemas of the objects the tree builds.
public static partial class DiagnosticCatalog
{
    public static readonly DiagnosticDescriptor SchemaUnknownField = Error(
        "HO3101", "schema-unknown-field", "Unknown field",
        "{0}: {1} at {2}",
        "Remove the field or fix its spelling; the {3} schema does not have it (the API server rejects or drops it)");

    public static readonly DiagnosticDescriptor SchemaWrongType = Error(
        "HO3102", "schema-wrong-type", "Field has the wrong type",
        "{0}: {2} {1}",
        "Write the type the {3} schema expects");

    public static readonly DiagnosticDescriptor SchemaMissingRequired = Error(
        "HO3103", "schema-missing-required", "Required field missing",
        "{0}: {1} at {2}",
        "Add the field; the {3} schema requires it");

    public static readonly DiagnosticDescriptor SchemaValueNotAllowed = Error(
        "HO3104", "schema-value-not-allowed", "Value not allowed by the schema",
        "{0}: {2} {1}",
        "Use one of the values the {3} schema allows");

    public static readonly DiagnosticDescriptor SchemaMissing = Info(
        "HO3105", "schema-missing", "No schema for a kind",
        "No schema for {0} ({1} object(s)); not checked",
        "Add the CRD to the tree, or point --schemas (or 'schemas:' in .homeops.yaml) at a folder holding it");

    public static readonly DiagnosticDescriptor ApiVersionNotServed = Error(
        "HO3106", "api-version-not-served", "apiVersion not served",
        "{0} uses apiVersion {1}, which {2} does not serve for kind {3}",
        "Use {4}");

    public static readonly DiagnosticDescriptor BuiltinSchemasUnavailable = Info(
        "HO3107", "builtin-schemas-unavailable", "No built-in schemas for this Kubernetes version",
        "HomeOps has no built-in schemas for Kubernetes {0}; built-in kinds were checked against Kubernetes {1}",
        "Fields added or removed between the two versions may be misjudged; see docs/validate.md for adding a version");

    public static readonly DiagnosticDescriptor ApiRemoved = Error(
        "HO3108", "api-removed", "API removed in the cluster's Kubernetes version",
        "{0} uses {1} {2}, which Kubernetes {3} removed; the cluster runs Kubernetes {4}",
        "{5}");

    public static readonly DiagnosticDescriptor ApiRemovedInLaterVersion = Warning(
        "HO3109", "api-removed-in-later-version", "API removed by a later Kubernetes version",
        "{0} uses {1} {2}, which Kubernetes {3} no longer serves; the cluster runs Kubernetes {4}",
        "{5} before upgrading the cluster to Kubernetes {3}");

    public static readonly DiagnosticDescriptor KubernetesVersionFromTree = Info(
        "HO3110", "kubernetes-version-from-tree", "Kubernetes version read from the tree",
        "Built-in kinds are checked against Kubernetes {0}, the version the cluster's Talos configuration pins ({1})",
        "Nothing to do; pass --kubernetes-version to check against another version");

    public static readonly DiagnosticDescriptor KubernetesVersionUnknown = Info(
        "HO3111", "kubernetes-version-unknown", "Kubernetes version unknown",
        "The cluster's Kubernetes version is unknown (no cluster.yaml, no Talos configuration pinning it); built-in kinds are checked against Kubernetes {0}, the newest HomeOps knows",
        "Pass --kubernetes-version (e.g. --kubernetes-version v1.34.2) to check against the version the cluster runs");
}
