using System.Globalization;
using System.Text;
using HomeOps.Core.ClusterConfig;
using HomeOps.Core.Crypto;
using HomeOps.Core.Diagnostics;
using HomeOps.Core.Talos.Documents;
using HomeOps.Core.Talos.Pki;
using HomeOps.Core.Talos.Secrets;

namespace HomeOps.Core.Talos.Rendering;

/// <summary>
/// The talosconfig client file: one context named after the cluster, the control-plane addresses as endpoints (never
/// the VIP, which only answers while etcd is healthy), every node, the OS CA, and an os:admin client certificate.
/// The certificate is issued as Talos does (Ed25519, 1 year, clientAuth, signed by the OS CA) with a key and serial
/// derived from the CA key and the month, and valid from the first of the month: renders within a month are
/// byte-identical, and a fresh certificate with nearly a year left is issued in each new month.
/// </summary>
public static class TalosconfigBuilder
{
    public static DocMap Build(ClusterDefinition config, LoadedSecrets secrets, DateTimeOffset now)
    {
        var month = new DateTimeOffset(now.UtcDateTime.Year, now.UtcDateTime.Month, 1, 0, 0, 0, TimeSpan.Zero);
        var admin = IssueAdmin(secrets.OsAuthority, month);
        var origin = new NodeOrigin(OriginLayer.Secrets, SourceSpan.File(secrets.Source));
        DocScalar S(string value) => DocScalar.String(value, origin);
        var endpoints = new DocList(origin);
        foreach (var node in config.Nodes.Where(n => n.Role == NodeRole.ControlPlane))
        {
            endpoints.Add(S(node.Address.ToString()));
        }

        var nodes = new DocList(origin);
        foreach (var node in config.Nodes)
        {
            nodes.Add(S(node.Address.ToString()));
        }

        var context = new DocMap(origin)
            .Set("endpoints", endpoints)
            .Set("nodes", nodes)
            .Set("ca", new DocSecret("certs.os.crt", Base64(secrets.Bundle.Certs.Os.Certificate!), origin))
            .Set("crt", new DocSecret("talosconfig.crt", Base64(admin.CertificatePem), origin))
            .Set("key", new DocSecret("talosconfig.key", Base64(admin.Key.Pem), origin));
        return new DocMap(origin)
            .Set("context", S(config.Cluster.Name))
            .Set("contexts", new DocMap(origin).Set(config.Cluster.Name, context));
    }

    public static IssuedCertificate IssueAdmin(IssuedCertificate osAuthority, DateTimeOffset validFrom)
    {
        var random = new DerivedRandomSource(
            "homeops talosconfig admin " + validFrom.ToString("yyyy-MM", CultureInfo.InvariantCulture),
            Encoding.UTF8.GetBytes(osAuthority.Key.Pem));
        var key = osAuthority.Key.Algorithm == KeyAlgorithm.Ed25519 ? PrivateKey.GenerateEd25519(random) : PrivateKey.GenerateEcdsaP256(random);
        return CertificateIssuer.ClientCertificate(osAuthority, key, TalosPkiPolicy.AdminRole, validFrom, TalosPkiPolicy.AdminCertificateValidity, random);
    }

    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));
}
