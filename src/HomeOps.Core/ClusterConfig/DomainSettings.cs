using HomeOps.Core.Schema;

namespace HomeOps.Core.ClusterConfig;

[ConfigObject("DNS domains for public and internal services.")]
public sealed record DomainSettings : ConfigObject
{
    [ConfigKey("public", "The public domain, managed in Cloudflare; reached through the Cloudflare Tunnel.", Required = true, Example = "example.com", Format = ValueFormats.DomainName)]
    public string Public { get; init; } = string.Empty;

    [ConfigKey("internal", "The internal domain for services on the home network (*.<internal>).", Required = true, Example = "k8s.home.example.com", Format = ValueFormats.DomainName)]
    public string Internal { get; init; } = string.Empty;

    [ConfigKey("acmeEmail", "The e-mail address registered with Let's Encrypt.", Example = "admin@example.com", Format = ValueFormats.Email)]
    public string? AcmeEmail { get; init; }

    [ConfigKey("unifiController", "The UniFi Network controller that serves internal DNS records (external-dns writes them there). Defaults to https://<network.gateway>, the UDM Pro.", Example = "https://172.29.51.1", Format = ValueFormats.Url)]
    public string? UnifiController { get; init; }
}

[ConfigObject("Where cluster secrets are kept.")]
public sealed record SecretSettings : ConfigObject
{
    [ConfigKey("onePassword", "The 1Password vault and items that hold cluster secrets.", Required = true)]
    public OnePasswordSettings OnePassword { get; init; } = new();
}

[ConfigObject("The 1Password vault that holds cluster secrets.")]
public sealed record OnePasswordSettings : ConfigObject
{
    [ConfigKey("vault", "The vault name; 1Password Connect is given access to it.", Required = true, Example = "Automation")]
    public string Vault { get; init; } = string.Empty;

    [ConfigKey("talosSecretsItem", "The item holding the Talos secrets bundle.")]
    public string? TalosSecretsItem { get; init; }

    [ConfigKey("connectCredentialsItem", "The document holding 1password-credentials.json of the Connect server.")]
    public string? ConnectCredentialsItem { get; init; }

    [ConfigKey("connectTokenItem", "The item holding the Connect access token (field 'token').")]
    public string? ConnectTokenItem { get; init; }

    /// <summary>The field of the Talos secrets item that holds the bundle (as `homeops talos secrets generate --store` writes it).</summary>
    public const string TalosSecretsField = "talsecret";

    /// <summary>The field of the Connect token item that holds the token.</summary>
    public const string ConnectTokenField = "token";

    /// <summary>The Talos secrets item: <see cref="TalosSecretsItem"/>, else "Talos Secrets - CLUSTER".</summary>
    public string TalosSecretsItemOf(string cluster) => TalosSecretsItem ?? $"Talos Secrets - {cluster}";

    /// <summary>The Connect credentials Document: <see cref="ConnectCredentialsItem"/>, else "1Password Connect Credentials - CLUSTER".</summary>
    public string ConnectCredentialsItemOf(string cluster) => ConnectCredentialsItem ?? $"1Password Connect Credentials - {cluster}";

    /// <summary>The Connect token item: <see cref="ConnectTokenItem"/>, else "1Password Connect Token - CLUSTER".</summary>
    public string ConnectTokenItemOf(string cluster) => ConnectTokenItem ?? $"1Password Connect Token - {cluster}";
}

[ConfigObject("The Git repository Flux reconciles.")]
public sealed record GitOpsSettings : ConfigObject
{
    [ConfigKey("repository", "The repository URL Flux pulls.", Required = true, Example = "https://github.com/example/home-ops", Format = ValueFormats.GitUrl)]
    public string Repository { get; init; } = string.Empty;

    [ConfigKey("branch", "The branch Flux follows.")]
    public string Branch { get; init; } = "main";

    [ConfigKey("path", "The folder of the cluster's Flux entry point, relative to the repository root.", Format = ValueFormats.RelativePath)]
    public string Path { get; init; } = "clusters/home-ops";
}
