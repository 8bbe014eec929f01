using HomeOps.Core.ClusterConfig;
using HomeOps.Core.Diagnostics;
using HomeOps.Core.Talos.Documents;
using HomeOps.Core.Talos.Schematics;
using HomeOps.Core.Talos.Secrets;

namespace HomeOps.Core.Talos.Rendering;

/// <summary>Everything known about one node while its config is built.</summary>
internal sealed record NodeContext(ClusterDefinition Config, NodeSettings Node, TalosSecretsBundle? Secrets, SourceSpan ClusterFile)
{
    public bool IsControlPlane => Node.Role == NodeRole.ControlPlane;

    public IReadOnlyList<string> Extensions => Node.Extensions ?? Config.Talos.Extensions;

    public Schematic Schematic => new(Extensions, []);

    public string KubernetesVersion => Config.Cluster.KubernetesVersion;

    public string TalosVersion => Config.Cluster.TalosVersion;

    public string Endpoint => $"https://{FormatHost(Config.Network.ApiVip.ToString())}:6443";

    public NodeOrigin Defaults => NodeOrigin.Defaults(ClusterFile);

    /// <summary>A value derived from cluster.yaml, pointing at the key that set it.</summary>
    public NodeOrigin From(Core.Schema.ConfigObject owner, string property) => new(OriginLayer.ClusterConfig, owner.SpanOf(property));

    public DocScalar S(string value, NodeOrigin origin) => DocScalar.String(value, origin);

    public DocSecret Secret(string name, Func<TalosSecretsBundle, string?> value) =>
        new(name, Secrets is null ? null : value(Secrets) ?? string.Empty, new NodeOrigin(OriginLayer.Secrets, ClusterFile));

    /// <summary>A certificate or key: configs carry the PEM text base64-encoded, as the bundle file does.</summary>
    public DocSecret SecretPem(string name, Func<TalosSecretsBundle, string?> pem) =>
        Secret(name, b => pem(b) is { } text ? Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(text)) : null);

    public static string FormatHost(string address) => address.Contains(':', StringComparison.Ordinal) ? $"[{address}]" : address;
}
