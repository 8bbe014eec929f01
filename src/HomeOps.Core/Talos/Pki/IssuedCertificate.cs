namespace HomeOps.Core.Talos.Pki;

/// <summary>A certificate with its PEM text and its private key.</summary>
public sealed record IssuedCertificate(CertificateInfo Certificate, string CertificatePem, PrivateKey Key);
