using HomeOps.Core.GitOps.Model;
using HomeOps.Core.Yaml;

namespace HomeOps.Core.GitOps.Rules;

/// <summary>
/// SOPS-encrypted documents: sops writes its metadata under a top-level <c>sops</c> key (with the message
/// authentication code in <c>sops.mac</c> and the time in <c>sops.lastmodified</c>) and replaces each value with
/// <c>ENC[...]</c>. Such a document is encrypted, not malformed, and its values are never plaintext secrets.
/// </summary>
public static class Sops
{
    public static bool IsEncrypted(YamlNode? doc) =>
        doc.Map("sops") is { } sops && (sops.Find("mac") is not null || sops.Find("lastmodified") is not null);
}
