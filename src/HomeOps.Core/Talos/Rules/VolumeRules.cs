using System.Globalization;
using HomeOps.Core.Diagnostics;
using HomeOps.Core.Schema;
using HomeOps.Core.Talos.Documents;
using HomeOps.Core.Yaml;

namespace HomeOps.Core.Talos.Rules;

/// <summary>
/// Talos's rules for volumes (siderolabs/talos v1.10.5 pkg/machinery/config/types/block): user volume names, the
/// provisioning block (disk selector, sizes) and encryption keys, which system-disk encryption shares.
/// </summary>
internal static class VolumeRules
{
    /// <summary>The only system volumes a VolumeConfig may configure (volume_config.go:155-159).</summary>
    private static readonly string[] s_configurableVolumes = ["EPHEMERAL", "IMAGECACHE"];

    public static void CheckUserVolume(DocMap document, DiagnosticBag diagnostics)
    {
        // user_volume_config.go:137-160.
        var name = document.StringAt("name") ?? string.Empty;
        var at = (document["name"] ?? document).Origin.Span;
        var problem = name.Length == 0 ? "is empty"
            : name.Length > ValueFormats.UserVolumeNameMaxLength ? $"has {name.Length} characters; Talos allows at most {ValueFormats.UserVolumeNameMaxLength}"
            : name.Any(c => !char.IsAsciiLetterOrDigit(c) && c != '-') ? "may contain only ASCII letters, digits and '-'"
            : null;
        if (problem is not null)
        {
            diagnostics.Add(DiagnosticCatalog.UserVolumeNameInvalid.At(at, name, problem));
        }

        var label = $"UserVolumeConfig '{name}'";
        CheckProvisioning(label, name, document, required: true, diagnostics);
        if (document.Find("encryption") is { Value: DocMap encryption } entry)
        {
            CheckEncryption($"{label} encryption", encryption, entry.KeyOrigin.Span, diagnostics);
        }
    }

    public static void CheckVolume(DocMap document, DiagnosticBag diagnostics)
    {
        var name = document.StringAt("name") ?? string.Empty;
        if (!s_configurableVolumes.Contains(name, StringComparer.Ordinal))
        {
            diagnostics.Add(DiagnosticCatalog.VolumeConfigNameUnsupported.At((document["name"] ?? document).Origin.Span, name));
            return;
        }

        CheckProvisioning($"VolumeConfig '{name}'", name, document, required: false, diagnostics);
    }

    /// <summary>Keys of a LUKS2 volume: at least one, one per slot, each of some kind (v1alpha1_validation.go:242-257, encryption.go:160-176).</summary>
    /// <param name="at">Where the encryption block is written (its key), for problems of the block as a whole.</param>
    public static void CheckKeys(string label, DocMap encryption, SourceSpan at, DiagnosticBag diagnostics)
    {
        var keys = (encryption["keys"] as DocList)?.Items ?? [];
        if (keys.Count == 0)
        {
            diagnostics.Add(DiagnosticCatalog.EncryptionKeysMissing.At(encryption.Find("keys")?.KeyOrigin.Span ?? at, label));
            return;
        }

        var slots = new HashSet<long>();
        foreach (var key in keys.OfType<DocMap>())
        {
            // A key without a slot decodes to slot 0.
            var slotNode = key["slot"] as DocScalar;
            var slot = slotNode is { Kind: ScalarKind.Integer } && long.TryParse(slotNode.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : 0;
            var keyAt = (slotNode ?? (DocNode)key).Origin.Span;
            if (!slots.Add(slot))
            {
                diagnostics.Add(DiagnosticCatalog.EncryptionKeySlotDuplicate.At(keyAt, label, slot));
            }

            if (!new[] { "nodeID", "static", "kms", "tpm" }.Any(kind => TalosRules.Present(key[kind])))
            {
                diagnostics.Add(DiagnosticCatalog.EncryptionKeyWithoutType.At(keyAt, label, slot));
            }
        }
    }

    // encryption.go:145-179: nothing to check without a provider and keys; keys need the luks2 provider.
    private static void CheckEncryption(string label, DocMap encryption, SourceSpan at, DiagnosticBag diagnostics)
    {
        var provider = encryption.StringAt("provider");
        var hasKeys = encryption["keys"] is DocList { Items.Count: > 0 };
        if (string.IsNullOrEmpty(provider) && !hasKeys)
        {
            return;
        }

        if (string.IsNullOrEmpty(provider))
        {
            diagnostics.Add(DiagnosticCatalog.EncryptionProviderMissing.At(at, label));
        }

        CheckKeys(label, encryption, at, diagnostics);
    }

    // volume_config.go:170-190.
    private static void CheckProvisioning(string label, string name, DocMap document, bool required, DiagnosticBag diagnostics)
    {
        var provisioning = document["provisioning"] as DocMap;
        var at = (document.Find("provisioning")?.KeyOrigin ?? document.Origin).Span;
        if (required && string.IsNullOrWhiteSpace(provisioning?.StringAt("diskSelector.match")))
        {
            diagnostics.Add(DiagnosticCatalog.VolumeDiskSelectorMissing.At(at, name));
        }

        var min = Size(label, provisioning, "minSize", diagnostics);
        var max = Size(label, provisioning, "maxSize", diagnostics);
        if (min is { } minimum && max is { } maximum && minimum.Bytes > maximum.Bytes)
        {
            diagnostics.Add(DiagnosticCatalog.VolumeMinSizeAboveMax.At(minimum.Node.Origin.Span, label, minimum.Node.Value, minimum.Bytes, maximum.Node.Value, maximum.Bytes));
        }
        else if (required && provisioning?["minSize"] is not DocScalar { Value.Length: > 0 } && provisioning?["maxSize"] is not DocScalar { Value.Length: > 0 })
        {
            diagnostics.Add(DiagnosticCatalog.VolumeSizeMissing.At(at, name));
        }
    }

    // An empty size is no size (byte_size.go:64-67); anything else must parse.
    private static (DocScalar Node, ulong Bytes)? Size(string label, DocMap? provisioning, string key, DiagnosticBag diagnostics)
    {
        if (provisioning?[key] is not DocScalar { Value.Length: > 0 } node || node.Kind == ScalarKind.Null)
        {
            return null;
        }

        if (ByteSize.Parse(node.Value, out var reason) is { } bytes)
        {
            return (node, bytes);
        }

        diagnostics.Add(DiagnosticCatalog.VolumeSizeInvalid.At(node.Origin.Span, $"{label} provisioning.{key}", node.Value, reason));
        return null;
    }
}
