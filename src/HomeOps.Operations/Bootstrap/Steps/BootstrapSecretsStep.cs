using System.Text.Json;
using System.Text.Json.Nodes;
using HomeOps.Core.Diagnostics;
using HomeOps.Core.Yaml;
using HomeOps.Operations.Bootstrap.Tree;
using HomeOps.Runtime.Kubernetes;
using HomeOps.Runtime.OnePassword;
using HomeOps.Runtime.Processes;

namespace HomeOps.Operations.Bootstrap.Steps;

/// <summary>
/// The two secrets 1Password Connect needs before anything else can read 1Password: its credentials file and its
/// access token. Read with op into memory and applied straight to the cluster, never written to disk. Names and
/// keys come from the tree (the Connect HelmRelease values and the ClusterSecretStore). An existing Secret is never
/// overwritten: delete it first to rotate.
/// </summary>
public sealed class BootstrapSecretsStep(BootstrapPlanInputs inputs) : BootstrapStep
{
    public const string StepName = "bootstrap-secrets";

    public override string Name => StepName;

    public override string Description => "1Password Connect credentials and token (read with op, applied as Secrets)";

    public override IReadOnlyList<string> DependsOn => [NamespacesStep.StepName];

    public static string Namespace(BootstrapPlanInputs inputs) =>
        inputs.Charts.FirstOrDefault(c => c.Name == "onepassword-connect")?.Namespace ?? "onepassword-connect";

    /// <summary>Where the two Secrets go (namespace, name), for recovery, which records whether they exist.</summary>
    public static IReadOnlyList<(string Namespace, string Name)> SecretNames(BootstrapPlanInputs inputs)
    {
        var step = new BootstrapSecretsStep(inputs);
        return [(Namespace(inputs), step.CredentialsSecret.Name), (step.TokenSecret.Namespace, step.TokenSecret.Name)];
    }

    private JsonNode? ConnectValues => inputs.Charts.FirstOrDefault(c => c.Name == "onepassword-connect")?.ValuesYaml is { } values
        && YamlReader.ReadSingle(values, "values.yaml", new DiagnosticBag()) is { } node ? YamlJson.ToJson(node) : null;

    private (string Name, string Key) CredentialsSecret =>
        (ConnectValues?["connect"]?["credentialsName"]?.GetValue<string>() ?? "op-credentials",
         ConnectValues?["connect"]?["credentialsKey"]?.GetValue<string>() ?? "1password-credentials.json");

    private (string Name, string Key, string Namespace) TokenSecret
    {
        get
        {
            var reference = inputs.Tree.OfKind("external-secrets.io", "ClusterSecretStore")
                .Select(d => BootstrapTree.ToJson(d)["spec"]?["provider"]?["onepassword"]?["auth"]?["secretRef"]?["connectTokenSecretRef"])
                .FirstOrDefault(r => r is not null);
            return (reference?["name"]?.GetValue<string>() ?? "onepassword-connect-token",
                reference?["key"]?.GetValue<string>() ?? "token",
                reference?["namespace"]?.GetValue<string>() ?? Namespace(inputs));
        }
    }

    private static string CredentialsItem(BootstrapContext c) => c.Cluster.Secrets.OnePassword.ConnectCredentialsItemOf(c.Cluster.Cluster.Name);

    private static string TokenItem(BootstrapContext c) => c.Cluster.Secrets.OnePassword.ConnectTokenItemOf(c.Cluster.Cluster.Name);

    public override async Task<bool> IsDoneAsync(BootstrapContext context, CancellationToken cancellationToken) =>
        await context.Kube.GetAsync(KubeResource.Secrets, Namespace(inputs), CredentialsSecret.Name, cancellationToken).ConfigureAwait(false) is not null
        && await context.Kube.GetAsync(KubeResource.Secrets, TokenSecret.Namespace, TokenSecret.Name, cancellationToken).ConfigureAwait(false) is not null;

    public override async Task RunAsync(BootstrapContext context, CancellationToken cancellationToken)
    {
        var vault = context.Cluster.Secrets.OnePassword.Vault;
        var op = context.OnePassword;
        var credentials = await ReadAsync(context, CredentialsItem(context), () => op.GetDocumentAsync(CredentialsItem(context), vault, cancellationToken)).ConfigureAwait(false);
        var token = (await ReadAsync(context, TokenItem(context), async () => (await op.GetItemAsync(TokenItem(context), vault, cancellationToken).ConfigureAwait(false)) is { } item
            ? item.Field(Core.ClusterConfig.OnePasswordSettings.ConnectTokenField)?.Value ?? string.Empty
            : null).ConfigureAwait(false)).Trim();
        CheckCredentials(context, credentials);
        if (token.Length < 100)
        {
            throw BootstrapContext.Fail(DiagnosticCatalog.ConnectTokenInvalid.At(context.Location, TokenItem(context), token.Length));
        }

        // The chart mounts this key as the credentials file itself (no extra base64: connect.credentials stays unset).
        var (credName, credKey) = CredentialsSecret;
        await ApplyIfMissingAsync(context, Secret(credName, Namespace(inputs), credKey, credentials), cancellationToken).ConfigureAwait(false);
        var (tokenName, tokenKey, tokenNs) = TokenSecret;
        await ApplyIfMissingAsync(context, Secret(tokenName, tokenNs, tokenKey, token), cancellationToken).ConfigureAwait(false);
    }

    private static async Task ApplyIfMissingAsync(BootstrapContext context, JsonObject secret, CancellationToken cancellationToken)
    {
        var ns = secret["metadata"]!["namespace"]!.GetValue<string>();
        var name = secret["metadata"]!["name"]!.GetValue<string>();
        if (await context.Kube.GetAsync(KubeResource.Secrets, ns, name, cancellationToken).ConfigureAwait(false) is not null)
        {
            context.Detail($"Secret {ns}/{name} exists: kept as it is");
            return;
        }

        await context.Kube.ApplyAsync(KubeResource.Secrets, secret, BootstrapContext.FieldManager, cancellationToken).ConfigureAwait(false);
        context.Detail($"Secret {ns}/{name} applied");
    }

    private static async Task<string> ReadAsync(BootstrapContext context, string item, Func<Task<string?>> read)
    {
        var vault = context.Cluster.Secrets.OnePassword.Vault;
        try
        {
            return await read().ConfigureAwait(false)
                ?? throw BootstrapContext.Fail(DiagnosticCatalog.OnePasswordItemMissing.At(context.Location, item, vault, "op found no such item"));
        }
        catch (OnePasswordException e)
        {
            throw BootstrapContext.Fail(DiagnosticCatalog.OnePasswordUnavailable.At(context.Location, item, e.Message));
        }
    }

    private static void CheckCredentials(BootstrapContext context, string credentials)
    {
        string? problem;
        try
        {
            var version = JsonNode.Parse(credentials)?["version"];
            problem = version?.ToString() == "2" ? null : $"its \"version\" is {(version is null ? "missing" : version.ToJsonString())}, not \"2\"";
        }
        catch (JsonException)
        {
            problem = "it is not valid JSON (truncated?)";
        }

        if (problem is not null)
        {
            throw BootstrapContext.Fail(DiagnosticCatalog.ConnectCredentialsInvalid.At(context.Location, CredentialsItem(context), problem));
        }
    }

    private static JsonObject Secret(string name, string ns, string key, string value) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "Secret",
        ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = ns, ["labels"] = new JsonObject { ["app.kubernetes.io/managed-by"] = "homeops" } },
        ["type"] = "Opaque",
        ["stringData"] = new JsonObject { [key] = value },
    };

    public override IEnumerable<string> Plan(BootstrapContext context)
    {
        var vault = context.Cluster.Secrets.OnePassword.Vault;
        var program = context.Environment.OnePasswordProgram;
        yield return OnePasswordCli.GetDocumentSpec(program, CredentialsItem(context), vault).Display() + "  (kept in memory)";
        yield return OnePasswordCli.GetItemSpec(program, TokenItem(context), vault).Display() + "  (field token, kept in memory)";
        yield return $"apply Secret {Namespace(inputs)}/{CredentialsSecret.Name} ({CredentialsSecret.Key}: {Redactor.Mask}) unless it exists";
        yield return $"apply Secret {TokenSecret.Namespace}/{TokenSecret.Name} ({TokenSecret.Key}: {Redactor.Mask}) unless it exists";
    }
}
