namespace HomeOps.Core.Diagnostics;

// HO20xx: the Talos secrets bundle (reading, checking, storing). The lines of a bundle are secrets, so these
// diagnostics never show their source line (SourceIsSecret).
public static partial class DiagnosticCatalog
{
    public static readonly DiagnosticDescriptor SecretsBundleNotFound = Error(
        "HO2001", "secrets-bundle-not-found", "No Talos secrets bundle",
        "No Talos secrets bundle at {0}",
        "Create one with 'homeops talos secrets generate', load it from 1Password with '--from op', or point '--from' at a bundle from 'talosctl gen secrets' or 'talhelper gensecret'") with { SourceIsSecret = true };

    public static readonly DiagnosticDescriptor SecretsBundleValueMissing = Error(
        "HO2002", "secrets-bundle-value-missing", "Secrets bundle value missing",
        "The secrets bundle has no '{0}'",
        "The bundle is incomplete: restore it from where it was made (1Password, 'talosctl gen secrets --from-controlplane-config'), never invent a value") with { SourceIsSecret = true };

    public static readonly DiagnosticDescriptor SecretsBundleValueInvalid = Error(
        "HO2003", "secrets-bundle-value-invalid", "Secrets bundle value invalid",
        "'{0}' in the secrets bundle {1}",
        "The bundle was edited or damaged: restore it from its source (1Password or a backup)") with { SourceIsSecret = true };

    public static readonly DiagnosticDescriptor SecretsBundleEncrypted = Error(
        "HO2004", "secrets-bundle-encrypted", "Secrets bundle is encrypted with sops",
        "{0} is encrypted with sops",
        "Decrypt it first ('sops -d {0} > talos/secrets.yaml'), then 'homeops talos secrets import talos/secrets.yaml --store' keeps it in 1Password") with { SourceIsSecret = true };

    public static readonly DiagnosticDescriptor SecretsBundleUnknownKey = Warning(
        "HO2005", "secrets-bundle-unknown-key", "Unknown key in secrets bundle",
        "Unknown key '{0}' in the secrets bundle is ignored",
        "Talos bundles have cluster, secrets, trustdinfo and certs; check the file is a secrets bundle") with { SourceIsSecret = true };

    public static readonly DiagnosticDescriptor SecretsBundleKeyMismatch = Error(
        "HO2006", "secrets-bundle-key-mismatch", "Certificate and key do not match",
        "The certificate '{0}.crt' does not belong to the key '{0}.key'",
        "Restore both values from the same bundle") with { SourceIsSecret = true };

    public static readonly DiagnosticDescriptor CertificateExpired = Error(
        "HO2007", "certificate-expired", "Certificate authority expired",
        "The {0} certificate authority expired on {1}",
        "Rotate the CA (talosctl docs: 'CA rotation'); nodes reject expired certificates") with { SourceIsSecret = true };

    public static readonly DiagnosticDescriptor CertificateExpiring = Warning(
        "HO2008", "certificate-expiring", "Certificate authority expires soon",
        "The {0} certificate authority expires on {1}, in {2} day(s)",
        "Plan a CA rotation before it expires") with { SourceIsSecret = true };

    public static readonly DiagnosticDescriptor SecretsBundleExists = Error(
        "HO2009", "secrets-bundle-exists", "Secrets bundle already exists",
        "A Talos secrets bundle already exists at {0}; it was not overwritten",
        "Replacing it makes every existing node and talosconfig unusable. If that is really intended, add --force") with { SourceIsSecret = true };

    public static readonly DiagnosticDescriptor OnePasswordItemNotFound = Error(
        "HO2010", "onepassword-item-not-found", "1Password item not found",
        "1Password has no item '{0}' in vault '{1}'",
        "Store a bundle there with 'homeops talos secrets generate --store' (new cluster) or 'homeops talos secrets import FILE --store' (existing bundle), or set secrets.onePassword.talosSecretsItem in cluster.yaml") with { SourceIsSecret = true };

    public static readonly DiagnosticDescriptor OnePasswordFailed = Error(
        "HO2011", "onepassword-failed", "1Password CLI failed",
        "'op' failed: {0}",
        "Sign in with 'op signin' (or set OP_SERVICE_ACCOUNT_TOKEN) and check that vault '{1}' exists and is accessible") with { SourceIsSecret = true };

    public static readonly DiagnosticDescriptor OnePasswordItemNoBundle = Error(
        "HO2012", "onepassword-item-no-bundle", "1Password item holds no bundle",
        "1Password item '{0}' has no field '{1}'",
        "The item must hold the whole bundle YAML in a field named '{1}'; re-store it with 'homeops talos secrets import FILE --store --force'") with { SourceIsSecret = true };
}
