using System.Text;
using HomeOps.Core.Diagnostics;
using HomeOps.Core.Talos.Documents;
using HomeOps.Core.Yaml;

namespace HomeOps.Core.Talos.Secrets;

/// <summary>
/// The bundle's file format, as `talosctl gen secrets` writes it (yaml.v3, 4-space indent, lower-case Go field names,
/// certificates and keys as base64 of their PEM text). Reading also accepts talhelper's 2-space variant and any other
/// valid YAML layout of the same keys.
/// </summary>
public static class SecretsBundleYaml
{
    private static readonly string[] s_pairs = ["etcd", "k8s", "k8saggregator", "k8sserviceaccount", "os"];

    public static string Write(TalosSecretsBundle bundle)
    {
        var origin = NodeOrigin.Defaults(SourceSpan.File("secrets"));
        DocScalar S(string value) => DocScalar.String(value, origin);
        var secrets = new DocMap(origin).Set("bootstraptoken", S(bundle.BootstrapToken));
        if (bundle.AescbcEncryptionSecret is { Length: > 0 } aescbc)
        {
            secrets.Set("aescbcencryptionsecret", S(aescbc));
        }

        secrets.Set("secretboxencryptionsecret", S(bundle.SecretboxEncryptionSecret));
        var certs = new DocMap(origin);
        foreach (var name in s_pairs)
        {
            var pair = Pair(bundle, name);
            var entry = new DocMap(origin);
            if (pair.Certificate is not null)
            {
                entry.Set("crt", S(Base64(pair.Certificate)));
            }

            entry.Set("key", S(Base64(pair.Key ?? string.Empty)));
            certs.Set(name, entry);
        }

        var root = new DocMap(origin)
            .Set("cluster", new DocMap(origin).Set("id", S(bundle.ClusterId)).Set("secret", S(bundle.ClusterSecret)))
            .Set("secrets", secrets)
            .Set("trustdinfo", new DocMap(origin).Set("token", S(bundle.TrustdToken)))
            .Set("certs", certs);
        return DocYamlWriter.Write(root, SecretHandling.Include);
    }

    /// <summary>Reads a bundle; null (with diagnostics) when it is unusable. Values are not checked here (see SecretsBundleInspector).</summary>
    public static SecretsBundleDocument? Read(string text, string path, DiagnosticBag diagnostics)
    {
        var errors = diagnostics.ErrorCount;
        if (YamlReader.ReadSingle(text, path, diagnostics) is not YamlNode root || diagnostics.ErrorCount > errors)
        {
            return null;
        }

        if (root is not YamlMapping top)
        {
            diagnostics.Add(DiagnosticCatalog.SecretsBundleValueInvalid.At(root.Span, "(top level)", $"is a {root.KindName}, not a mapping"));
            return null;
        }

        if (top.Find("sops") is { } sops)
        {
            diagnostics.Add(DiagnosticCatalog.SecretsBundleEncrypted.At(sops.Key.Span, path));
            return null;
        }

        var spans = new Dictionary<string, SourceSpan>(StringComparer.Ordinal);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        Collect(top, string.Empty, values, spans, diagnostics);

        string? Get(string key, bool required = true, bool pem = false)
        {
            if (!values.TryGetValue(key, out var value) || value.Length == 0)
            {
                if (required)
                {
                    var parent = key[..key.LastIndexOf('.')];
                    diagnostics.Add(DiagnosticCatalog.SecretsBundleValueMissing.At(spans.GetValueOrDefault(key) ?? spans.GetValueOrDefault(parent) ?? top.Span, key));
                }

                return null;
            }

            if (!pem)
            {
                return value;
            }

            try
            {
                return Encoding.UTF8.GetString(Convert.FromBase64String(value));
            }
            catch (FormatException)
            {
                diagnostics.Add(DiagnosticCatalog.SecretsBundleValueInvalid.At(spans[key], key, "is not base64"));
                return null;
            }
        }

        var bundle = new TalosSecretsBundle
        {
            ClusterId = Get("cluster.id") ?? string.Empty,
            ClusterSecret = Get("cluster.secret") ?? string.Empty,
            BootstrapToken = Get("secrets.bootstraptoken") ?? string.Empty,
            AescbcEncryptionSecret = Get("secrets.aescbcencryptionsecret", required: false),
            SecretboxEncryptionSecret = Get("secrets.secretboxencryptionsecret") ?? string.Empty,
            TrustdToken = Get("trustdinfo.token") ?? string.Empty,
            Certs = new TalosCertificates
            {
                Etcd = new PemPair(Get("certs.etcd.crt", pem: true), Get("certs.etcd.key", pem: true)),
                K8s = new PemPair(Get("certs.k8s.crt", pem: true), Get("certs.k8s.key", pem: true)),
                K8sAggregator = new PemPair(Get("certs.k8saggregator.crt", pem: true), Get("certs.k8saggregator.key", pem: true)),
                K8sServiceAccount = new PemPair(null, Get("certs.k8sserviceaccount.key", pem: true)),
                Os = new PemPair(Get("certs.os.crt", pem: true), Get("certs.os.key", pem: true)),
            },
        };
        return diagnostics.ErrorCount > errors ? null : new SecretsBundleDocument(bundle, path, spans);
    }

    private static readonly HashSet<string> s_known = new(StringComparer.Ordinal)
    {
        "cluster", "cluster.id", "cluster.secret", "secrets", "secrets.bootstraptoken", "secrets.aescbcencryptionsecret",
        "secrets.secretboxencryptionsecret", "trustdinfo", "trustdinfo.token", "certs",
        "certs.etcd", "certs.etcd.crt", "certs.etcd.key", "certs.k8s", "certs.k8s.crt", "certs.k8s.key",
        "certs.k8saggregator", "certs.k8saggregator.crt", "certs.k8saggregator.key",
        "certs.k8sserviceaccount", "certs.k8sserviceaccount.key", "certs.os", "certs.os.crt", "certs.os.key",
    };

    private static void Collect(YamlMapping mapping, string prefix, Dictionary<string, string> values, Dictionary<string, SourceSpan> spans, DiagnosticBag diagnostics)
    {
        foreach (var entry in mapping.Entries)
        {
            // Keys are matched without case: the bundle's JSON form (and hand-written files) use Go's capitalised names.
            var key = prefix + entry.Key.Value.ToLowerInvariant();
            if (!s_known.Contains(key))
            {
                diagnostics.Add(DiagnosticCatalog.SecretsBundleUnknownKey.At(entry.Key.Span, key));
                continue;
            }

            spans[key] = entry.Value.Span;
            switch (entry.Value)
            {
                case YamlMapping child:
                    Collect(child, key + ".", values, spans, diagnostics);
                    break;
                case YamlScalar scalar when !scalar.IsNull:
                    values[key] = scalar.Value;
                    break;
                case YamlScalar:
                    break;
                default:
                    diagnostics.Add(DiagnosticCatalog.SecretsBundleValueInvalid.At(entry.Value.Span, key, $"is a {entry.Value.KindName}, not a string"));
                    break;
            }
        }
    }

    private static PemPair Pair(TalosSecretsBundle bundle, string name) => name switch
    {
        "etcd" => bundle.Certs.Etcd,
        "k8s" => bundle.Certs.K8s,
        "k8saggregator" => bundle.Certs.K8sAggregator,
        "k8sserviceaccount" => bundle.Certs.K8sServiceAccount,
        _ => bundle.Certs.Os,
    };

    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));
}
