namespace HomeOps.Core.Talos.Secrets;

/// <summary>A certificate and its private key as PEM text; either may be absent (the service-account key has no certificate).</summary>
public sealed record PemPair(string? Certificate, string? Key);
