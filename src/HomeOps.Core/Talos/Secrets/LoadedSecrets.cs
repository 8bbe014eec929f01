using HomeOps.Core.Talos.Pki;

namespace HomeOps.Core.Talos.Secrets;

/// <summary>A checked bundle: the values, and the OS CA parsed so talosconfig client certificates can be issued.</summary>
public sealed record LoadedSecrets(TalosSecretsBundle Bundle, IssuedCertificate OsAuthority, string Source);
