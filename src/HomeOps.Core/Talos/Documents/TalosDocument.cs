namespace HomeOps.Core.Talos.Documents;

/// <summary>How Talos tells documents apart (configloader decoder): v1alpha1 by its top-level keys, others by apiVersion, kind and name.</summary>
public static class TalosDocument
{
    private static readonly string[] s_v1Alpha1Keys = ["version", "machine", "cluster", "debug", "persist"];

    public static bool IsV1Alpha1(DocMap document) => document.Entries.Exists(e => s_v1Alpha1Keys.Contains(e.Key));

    /// <summary>"v1alpha1" for the main document, "UserVolumeConfig/longhorn-ssd" for named ones, the kind alone for unnamed ones.</summary>
    public static string Identity(DocMap document)
    {
        if (IsV1Alpha1(document))
        {
            return "v1alpha1";
        }

        var kind = document.StringAt("kind") ?? "?";
        return document.StringAt("name") is { } name ? $"{kind}/{name}" : kind;
    }

    /// <summary>True when both are the same document for merging: both v1alpha1, or the same apiVersion, kind and name.</summary>
    public static bool SameDocument(DocMap a, DocMap b) =>
        IsV1Alpha1(a) ? IsV1Alpha1(b)
            : !IsV1Alpha1(b) && a.StringAt("apiVersion") == b.StringAt("apiVersion") && a.StringAt("kind") == b.StringAt("kind") && a.StringAt("name") == b.StringAt("name");
}
