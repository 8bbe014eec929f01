namespace HomeOps.Core.Talos.Pki;

/// <summary>The private-key types a Talos secrets bundle holds.</summary>
public enum KeyAlgorithm
{
    /// <summary>Ed25519, PEM "ED25519 PRIVATE KEY" (PKCS#8): the Talos API (OS) CA and admin client certificates.</summary>
    Ed25519,

    /// <summary>ECDSA on P-256, PEM "EC PRIVATE KEY" (SEC 1): the etcd, Kubernetes and aggregator CAs.</summary>
    EcdsaP256,

    /// <summary>RSA, PEM "RSA PRIVATE KEY" (PKCS#1): the Kubernetes service-account key (4096 bits).</summary>
    Rsa,
}
