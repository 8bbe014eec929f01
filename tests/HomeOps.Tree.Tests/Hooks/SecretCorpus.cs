using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace HomeOps.Tree.Tests.Hooks;

/// <summary>One planted secret: the class it stands for, the file it is written to and that file's text.</summary>
internal sealed record PlantedSecret(string Id, string Description, string Path, string Content);

/// <summary>
/// Secrets of each class the secret hooks must catch, made fresh at test time from random bytes (never stored in the
/// repository), in the shape and the kind of file where they leak in a home-lab repository. The last entry holds no
/// secret: a hook that fails on it fails on everything.
/// </summary>
internal static class SecretCorpus
{
    private const string Upper32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"; // pragma: allowlist secret (an alphabet)
    private const string Alphanumeric = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    public const string Control = "control-no-secret";

    public static IReadOnlyList<PlantedSecret> Create()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var certificate = new CertificateRequest("CN=admin", key, HashAlgorithmName.SHA256)
            .CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1)).ExportCertificatePem();
        var kubeconfig = Kubeconfig(Base64(certificate), Base64(key.ExportECPrivateKeyPem()));
        var serviceAccount = ServiceAccountTokens();

        return
        [
            new("aws-access-key", "AWS access key id and secret access key (`.env` file)", "deploy/aws.env",
                $"AWS_ACCESS_KEY_ID={"AKIA" + RandomNumberGenerator.GetString(Upper32, 16)}\n"
                + $"AWS_SECRET_ACCESS_KEY={RandomNumberGenerator.GetString(Alphanumeric + "+/", 40)}\n"),
            new("github-token", "GitHub personal access token `ghp_…` (shell script)", "scripts/release.sh",
                $"#!/bin/sh\nexport GITHUB_TOKEN={"ghp_" + RandomNumberGenerator.GetString(Alphanumeric, 36)}\n"),
            new("1password-service-account-1", "1Password service-account token `ops_…`, its JSON 3n+1 bytes long", "op/service-account-1.env",
                $"OP_SERVICE_ACCOUNT_TOKEN={serviceAccount[1]}\n"),
            new("1password-service-account-0", "1Password service-account token `ops_…`, its JSON 3n bytes long", "op/service-account-0.env",
                $"OP_SERVICE_ACCOUNT_TOKEN={serviceAccount[0]}\n"),
            new("1password-service-account-2", "1Password service-account token `ops_…`, its JSON 3n+2 bytes long", "op/service-account-2.env",
                $"OP_SERVICE_ACCOUNT_TOKEN={serviceAccount[2]}\n"),
            new("1password-connect-jwt", "1Password Connect token (a JWT) in a Kubernetes Secret", "infrastructure/onepassword-connect/token.yaml",
                "apiVersion: v1\nkind: Secret\nmetadata:\n  name: onepassword-connect-token\n  namespace: onepassword-connect\n"
                + $"stringData:\n  token: {ConnectToken()}\n"),
            new("pem-private-key", "PEM private key (PKCS #8, pasted into a notes file)", "notes/deploy-key.txt",
                "The deploy key, until it moves to 1Password:\n" + key.ExportPkcs8PrivateKeyPem() + "\n"),
            new("kubeconfig-yaml", "kubeconfig with `client-key-data`, named `*.yaml`", "clusters/admin-kubeconfig.yaml", kubeconfig),
            new("kubeconfig", "kubeconfig with `client-key-data`, named `kubeconfig` (as kubectl and talosctl write it)", "kubeconfig", kubeconfig),
            new(Control, "no secret: a ConfigMap (the control)", "apps/demo/configmap.yaml",
                "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: demo\ndata:\n  mode: keep\n  replicas: \"2\"\n"),
        ];
    }

    /// <summary>
    /// `ops_` and the unpadded base64 of the token's JSON (1Password's fields: email, muk, secretKey, srpX,
    /// signInAddress, userAuth, throttleSecret, deviceUuid), indexed by the JSON's length modulo 3: only the e-mail
    /// address's length differs between the three.
    /// </summary>
    private static string[] ServiceAccountTokens()
    {
        var tokens = new string[3];
        var muk = Base64Url(RandomNumberGenerator.GetBytes(32));
        var secretKey = "A3-" + string.Join('-', new[] { 6, 6, 5, 5, 5, 5 }.Select(n => RandomNumberGenerator.GetString(Upper32, n))); // pragma: allowlist secret
        var srpX = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var salt = Base64Url(RandomNumberGenerator.GetBytes(16));
        var seed = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var device = RandomNumberGenerator.GetString("abcdefghijklmnopqrstuvwxyz0123456789", 26);
        for (var length = 12; length < 15; length++)
        {
            var email = RandomNumberGenerator.GetString("abcdefghijklmnopqrstuvwxyz", length) + "@1passwordserviceaccounts.com";
            var json = $$"""{"email":"{{email}}","muk":{"alg":"A256GCM","ext":true,"k":"{{muk}}","key_ops":["encrypt","decrypt"],"kty":"oct","kid":"mp"},"secretKey":"{{secretKey}}","srpX":"{{srpX}}","signInAddress":"my.1password.com","userAuth":{"method":"SRPg-4096","alg":"PBES2g-HS256","iterations":650000,"salt":"{{salt}}"},"throttleSecret":{"seed":"{{seed}}","uuid":"{{device.ToUpperInvariant()}}"},"deviceUuid":"{{device}}"}""";
            tokens[json.Length % 3] = "ops_" + Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=');
        }

        return tokens;
    }

    /// <summary>A JWT shaped like a 1Password Connect access token (ES256, Connect's audience and claims).</summary>
    private static string ConnectToken()
    {
        var header = $$"""{"alg":"ES256","kid":"{{RandomNumberGenerator.GetString("abcdefghijklmnopqrstuvwxyz0123456789", 26)}}","typ":"JWT"}""";
        var payload = $$"""{"1password.com/auuid":"{{RandomNumberGenerator.GetString(Upper32, 26)}}","1password.com/token":"{{Base64Url(RandomNumberGenerator.GetBytes(24))}}","1password.com/fts":["vaultaccess"],"aud":["com.1password.connect"],"iat":1733500000,"iss":"com.1password.b5","sub":"{{RandomNumberGenerator.GetString(Upper32, 26)}}"}""";
        return $"{Base64Url(Encoding.UTF8.GetBytes(header))}.{Base64Url(Encoding.UTF8.GetBytes(payload))}.{Base64Url(RandomNumberGenerator.GetBytes(64))}";
    }

    private static string Kubeconfig(string certificateData, string keyData) => $"""
        apiVersion: v1
        kind: Config
        clusters:
          - name: home-ops
            cluster:
              server: https://[::1]:6443
              certificate-authority-data: {certificateData}
        contexts:
          - name: admin@home-ops
            context:
              cluster: home-ops
              user: admin@home-ops
        current-context: admin@home-ops
        users:
          - name: admin@home-ops
            user:
              client-certificate-data: {certificateData}
              client-key-data: {keyData}

        """;

    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
