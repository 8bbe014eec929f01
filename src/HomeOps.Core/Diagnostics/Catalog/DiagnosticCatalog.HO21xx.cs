namespace HomeOps.Core.Diagnostics;

// HO21xx: Talos patch files (talos/patches/{all,controlplane,worker,nodes/<name>}).
public static partial class DiagnosticCatalog
{
    public static readonly DiagnosticDescriptor PatchNotMapping = Error(
        "HO2101", "patch-not-mapping", "Patch document is not a mapping",
        "A Talos patch document must be a mapping, found a {0}",
        "Write the patch as the part of the machine config it changes, e.g. 'machine:\\n  sysctls: ...'");

    public static readonly DiagnosticDescriptor PatchDocumentUnidentified = Error(
        "HO2102", "patch-document-unidentified", "Patch document has no kind",
        "This patch document is neither a v1alpha1 patch (machine:, cluster:) nor a document with apiVersion and kind",
        "Start it with 'machine:' or 'cluster:', or give it 'apiVersion: v1alpha1' and a 'kind:' such as ExtensionServiceConfig");

    public static readonly DiagnosticDescriptor PatchSetsSecret = Error(
        "HO2103", "patch-sets-secret", "Patch sets a secret",
        "This patch sets '{0}', which comes from the Talos secrets bundle",
        "Remove it: secrets never belong in tracked files. They come from the bundle ('homeops talos secrets')");

    public static readonly DiagnosticDescriptor PatchOverridesClusterConfig = Warning(
        "HO2104", "patch-overrides-cluster-config", "Patch overrides a cluster.yaml value",
        "This patch changes '{0}', which cluster.yaml sets ({1})",
        "Change {1} in cluster.yaml instead, so there is one source of truth; remove the value from the patch");

    public static readonly DiagnosticDescriptor PatchUnknownNode = Error(
        "HO2105", "patch-unknown-node", "Patch folder for an unknown node",
        "Patch folder '{0}' is for node '{1}', which cluster.yaml does not define",
        "Rename the folder to one of the nodes in cluster.yaml ({2}) or delete it");

    public static readonly DiagnosticDescriptor PatchTypeConflict = Error(
        "HO2106", "patch-type-conflict", "Patch value has the wrong shape",
        "'{0}' is a {1} here but a {2} in {3}",
        "Give '{0}' the same shape as the value it patches");

    public static readonly DiagnosticDescriptor PatchDeleteMissing = Warning(
        "HO2107", "patch-delete-missing", "Patch deletes something that is not there",
        "'$patch: delete' removes '{0}', which the config does not have",
        "Remove the deletion, or check the key's spelling and the layer order (all, role, node)");

    public static readonly DiagnosticDescriptor PatchFileIgnored = Warning(
        "HO2108", "patch-file-ignored", "File in a patch folder is ignored",
        "'{0}' is not a .yaml or .yml file and is not applied",
        "Rename it to .yaml if it is a patch, or move it out of talos/patches");

    public static readonly DiagnosticDescriptor PatchEmpty = Warning(
        "HO2109", "patch-empty", "Patch file is empty",
        "Patch file '{0}' has no documents",
        "Add the settings it should apply, or delete the file");

    public static readonly DiagnosticDescriptor PatchJson6902 = Error(
        "HO2110", "patch-json6902-unsupported", "JSON patch (RFC 6902) in a patch folder",
        "This is an RFC 6902 JSON patch (a list of op/path/value); HomeOps applies strategic-merge patches only",
        "Rewrite it as the part of the config it changes; use '$patch: delete' to remove a key or list item");
}
