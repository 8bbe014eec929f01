using HomeOps.Core.Schema;

namespace HomeOps.Core.ClusterConfig;

[ConfigObject("Cloudflare, which serves the public domain and the tunnel that is the only way into the cluster from the internet.")]
public sealed record CloudflareSettings : ConfigObject
{
    [ConfigKey("tunnelId", "The ID of the Cloudflare Tunnel ('cloudflared tunnel create' prints it). cloudflared runs it, and public DNS names point at <tunnelId>.cfargotunnel.com.", Required = true, Example = "16c18922-4cba-49e5-b463-d41dde8f8f2d", Format = ValueFormats.Uuid)]
    public string TunnelId { get; init; } = string.Empty;
}
