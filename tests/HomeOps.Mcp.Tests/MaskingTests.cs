using System.ComponentModel;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using HomeOps.Core.Diagnostics;
using HomeOps.Core.Talos.Documents;
using HomeOps.Core.Talos.Rendering;
using HomeOps.Operations;
using HomeOps.Operations.Config;
using HomeOps.Operations.Talos;
using HomeOps.Runtime.Files;
using HomeOps.Runtime.OnePassword;
using HomeOps.Runtime.Processes;
using HomeOps.Testing;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace HomeOps.Mcp.Tests;

/// <summary>
/// Masking is one filter over every tool result: a tool added here, which knows nothing of masking, returns secrets
/// planted in each place they occur (as text and as structured content), and none reaches the client.
/// </summary>
public sealed class MaskingTests
{
    private const string KnownToken = "opaque-connect-credential-4f2a9c17";

    [Theory]
    [MemberData(nameof(Places))]
    public async Task EveryPlace_PlantedSecrets_NeverReachTheClient(string place)
    {
        var (text, secrets, kept) = (await Planted.Value)[place];
        var context = new McpContext(RepositoryPaths.Root, PhysicalFileSystem.Instance, TimeProvider.System, ProcessCommandRunner.Instance, ProcessCommandRunner.Instance)
        {
            KnownSecrets = [KnownToken],
        };
        await using var server = await InProcessServer.StartAsync(context, s => s.WithTools<PlantingTool>());
        PlantingTool.Payloads[place] = text;

        var result = await server.CallAsync("planted", new() { ["place"] = place });

        var output = McpProcess.Text(result) + "\n" + result.StructuredContent?.GetRawText();
        secrets.ShouldNotBeEmpty();
        foreach (var secret in secrets)
        {
            output.ShouldNotContain(secret, customMessage: $"{place}: a planted secret came out");
        }

        foreach (var value in kept)
        {
            McpProcess.Text(result).ShouldContain(value, customMessage: $"{place}: a value that is not secret was masked");
        }

        output.ShouldContain("***");
    }

    public static TheoryData<string> Places() => [.. PlacesAsync().GetAwaiter().GetResult().Keys];

    private static readonly Lazy<Task<Dictionary<string, (string Text, string[] Secrets, string[] Kept)>>> Planted = new(PlacesAsync);

    private static async Task<Dictionary<string, (string Text, string[] Secrets, string[] Kept)>> PlacesAsync()
    {
        var bundleSecrets = TestSecrets.Bundle.Values().Where(v => v.Key != "cluster.id" && !v.Key.EndsWith(".crt", StringComparison.Ordinal)).Select(v => v.Value).ToArray();
        var render = await RenderWithSecretsAsync();
        var ecKey = ECDsa.Create(ECCurve.NamedCurves.nistP256).ExportECPrivateKeyPem();
        var ecKey64 = Base64(ecKey);
        var github = "ghp_" + new string('A', 20) + new string('7', 16);
        var aws = "AKIA" + "ABCDEFGHIJKLMNOP";
        var jwt = "eyJhbGciOiJFUzI1NiIsImtpZCI6ImNvbm5lY3QifQ" + ".eyJzdWIiOiJob21lb3BzIiwiYXVkIjpbImNvbm5lY3QiXX0" + ".c2lnbmF0dXJlLW9mLXRoZS10b2tlbi1pdHNlbGY";
        var serviceAccount = "ops_" + Convert.ToBase64String(Encoding.UTF8.GetBytes("{\"signInAddress\":\"my.1password.com\",\"userAuth\":{\"method\":\"SRPg-4096\"}}")).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var password = "S3cr3t-db-passw0rd";
        var connectCredentials = """{"verifier":{"salt":"c2FsdC1zYWx0LXNhbHQ","localHash":"bG9jYWwtaGFzaC12YWx1ZQ"},"encCredentials":{"kid":"kid-1","enc":"A256GCM","cty":"b5+jwk+json","iv":"aXYtaXYtaXY","data":"ZW5jcnlwdGVkLWNyZWRlbnRpYWxzLWJsb2I"},"version":"2","deviceUuid":"devuuid123","uniqueKey":{"alg":"A256GCM","ext":true,"k":"dW5pcXVlLWtleS1tYXRlcmlhbA","key_ops":["decrypt","encrypt"],"kty":"oct","kid":"kid-2"}}""";
        return new()
        {
            ["secret-yaml"] = (
                $"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  mode: keep-me\n---\napiVersion: v1\ndata:\n  password: {Base64(password)}\n  api-key: {Base64("plain-api-key-value")}\nkind: Secret\nmetadata:\n  name: db\nstringData:\n  config.yaml: |\n    user: app\n    dsn: postgres://app:{password}@db:5432/app\n  other: {password}\ntype: Opaque\n",
                [Base64(password), Base64("plain-api-key-value"), password], ["mode: keep-me", "name: db"]),
            ["secret-json"] = (
                JsonSerializer.Serialize(new
                {
                    apiVersion = "v1",
                    kind = "Secret",
                    metadata = new { name = "db", annotations = new Dictionary<string, string> { ["kubectl.kubernetes.io/last-applied-configuration"] = $"{{\"apiVersion\":\"v1\",\"kind\":\"Secret\",\"stringData\":{{\"url\":\"redis://:{password}@redis\"}}}}" } },
                    data = new Dictionary<string, string> { ["password"] = Base64(password), ["1password-credentials.json"] = Base64(connectCredentials) },
                }),
                [Base64(password), password, Base64(connectCredentials)], ["\"name\":\"db\""]),
            ["secret-diff"] = (
                $"=== Kustomization flux-system/apps\n--- Secret/default/db (changed)\n   apiVersion: v1\n   data:\n-    password: {Base64("old-" + password)}\n+    password: {Base64(password)}\n   kind: Secret\n",
                [Base64("old-" + password), Base64(password)], ["Secret/default/db (changed)"]),
            ["kubeconfig"] = (
                $"apiVersion: v1\nkind: Config\nclusters:\n- cluster:\n    server: https://10.0.0.10:6443\n  name: home\nusers:\n- name: admin@home\n  user:\n    client-certificate-data: {Base64("-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n")}\n    client-key-data: {ecKey64}\n- name: robot\n  user:\n    token: robot-token-0123456789abcdef\n",
                [ecKey64, "robot-token-0123456789abcdef"], ["server: https://10.0.0.10:6443", "name: admin@home"]),
            ["talosconfig"] = (render.Talosconfig, bundleSecrets.Where(render.Talosconfig.Contains).Append(render.TalosconfigKey).ToArray(), ["context:"]),
            ["machine-config"] = (render.MachineConfig, bundleSecrets.Where(render.MachineConfig.Contains).ToArray(), ["machine:", "cluster:"]),
            ["talos-secrets-bundle"] = (TestSecrets.Yaml, bundleSecrets, ["certs:", "trustdinfo:"]),
            ["onepassword-credentials"] = (connectCredentials, ["c2FsdC1zYWx0LXNhbHQ", "ZW5jcnlwdGVkLWNyZWRlbnRpYWxzLWJsb2I", "dW5pcXVlLWtleS1tYXRlcmlhbA", "bG9jYWwtaGFzaC12YWx1ZQ"], ["devuuid123"]),
            ["onepassword-tokens"] = (
                $"OP_CONNECT_TOKEN={jwt}\nThe service account token is {serviceAccount} and the Connect credential is {KnownToken}.\n",
                [jwt, serviceAccount, KnownToken], ["The service account token is"]),
            ["pod-logs"] = (
                $"2026-12-07T04:00:00Z level=info msg=\"connected\" password={password}\n2026-12-07T04:00:01Z Authorization: Bearer {jwt}\nGITHUB_TOKEN={github} AWS_ACCESS_KEY_ID={aws}\n{ecKey}2026-12-07T04:00:02Z level=info msg=\"ready\"\n",
                [password, jwt, github, aws, ecKey.Split('\n')[1]], ["msg=\"ready\"", "msg=\"connected\""]),
            ["helm-values"] = (
                $"apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: grafana\nspec:\n  values:\n    adminPassword: {password}\n    grafana.ini:\n      security:\n        secret_key = {password}-ini\n    tolerations:\n      - key: node-role.kubernetes.io/control-plane\n        operator: Exists\n    admin:\n      existingSecret: grafana-admin\n      token: |\n        {jwt}\n        second-line-of-the-token\n    env:\n      GITHUB_TOKEN: {github}\n",
                [password, password + "-ini", jwt, "second-line-of-the-token", github], ["key: node-role.kubernetes.io/control-plane", "existingSecret: grafana-admin"]),
            ["configmap"] = (
                $"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app-config\ndata:\n  LOG_LEVEL: debug\n  config.yaml: |\n    upstream:\n      token: upstream-token-value-1234\n      url: https://example.test\n  deploy-key: |\n{string.Join('\n', ecKey.TrimEnd().Split('\n').Select(l => "    " + l))}\n  github: {github}\n",
                ["upstream-token-value-1234", github, ecKey.Split('\n')[1]], ["LOG_LEVEL: debug", "url: https://example.test"]),
        };
    }

    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    /// <summary>A node's machine config and the talosconfig with every secret in them, as `talos render` writes them.</summary>
    private static async Task<(string MachineConfig, string Talosconfig, string TalosconfigKey)> RenderWithSecretsAsync()
    {
        var folder = Directory.CreateTempSubdirectory("homeops-mcp-bundle-").FullName;
        var bundle = Path.Combine(folder, "secrets.yaml");
        await File.WriteAllTextAsync(bundle, TestSecrets.Yaml);
        var workspace = Workspace.Locate(PhysicalFileSystem.Instance, RepositoryPaths.Root, null);
        var config = ClusterConfigService.Load(workspace).Config!;
        var secrets = new TalosSecretsService(workspace, config, new OnePasswordCli(ProcessCommandRunner.Instance, "op"));
        var run = await new TalosService(workspace, config).RunAsync(secrets, bundle, requireSecrets: true, TestSecrets.GeneratedAt.AddDays(1), new DiagnosticBag(), CancellationToken.None);
        var files = run!.Result.Files(SecretHandling.Include).ToDictionary(f => f.Key, f => f.Value);
        var talosconfig = files[TalosRenderResult.TalosconfigFileName];
        var key = talosconfig.Split('\n').Select(l => l.Trim()).First(l => l.StartsWith("key: ", StringComparison.Ordinal))[5..].Trim('"');
        return (files[run.Result.Nodes[0].FileName], talosconfig, key);
    }

    [McpServerToolType]
    public sealed class PlantingTool
    {
        public static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> Payloads = new();

        [McpServerTool(Name = "planted"), Description("Returns what the test planted, as text and as structured content")]
        public static CallToolResult Planted(string place) => new()
        {
            Content = [new TextContentBlock { Text = Payloads[place] }],
            StructuredContent = JsonSerializer.SerializeToElement(new { place, text = Payloads[place] }),
        };
    }
}
