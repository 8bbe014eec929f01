using HomeOps.Core.ClusterConfig;
using HomeOps.Core.Diagnostics;
using HomeOps.Core.Schema;

namespace HomeOps.Core.Platform;

/// <summary>
/// The parts of cluster.yaml that are optional for the schema (a cluster can be described without them) but that
/// the platform layer of the GitOps tree cannot work without.
/// </summary>
public static class PlatformRequirements
{
    public static void Check(ClusterDefinition config, DiagnosticBag diagnostics)
    {
        if (config.LoadBalancer.Mode != LoadBalancerMode.Bgp || config.LoadBalancer.Bgp is null)
        {
            diagnostics.Add(DiagnosticCatalog.LoadBalancerModeUnsupported.At(
                config.LoadBalancer.SpanOf(nameof(config.LoadBalancer.Mode)), SchemaReflector.EnumName(config.LoadBalancer.Mode)));
        }

        if (config.Storage is null)
        {
            diagnostics.Add(DiagnosticCatalog.TreeValueMissing.At(config.Span,
                "the data disk Longhorn stores volumes on", "storage: { dataDisk: { model: ... }, backup: { bucket: ... } }"));
        }
        else if (config.Storage.Backup is null)
        {
            diagnostics.Add(DiagnosticCatalog.TreeValueMissing.At(config.Storage.Span,
                "the S3 bucket Longhorn backs volumes up to", "storage.backup.bucket"));
        }

        if (config.Cloudflare is null)
        {
            diagnostics.Add(DiagnosticCatalog.TreeValueMissing.At(config.Span,
                "the Cloudflare Tunnel that public names are served through", "cloudflare.tunnelId"));
        }

        if (config.Domains.AcmeEmail is null)
        {
            diagnostics.Add(DiagnosticCatalog.TreeValueMissing.At(config.Domains.Span,
                "the e-mail address registered with Let's Encrypt", "domains.acmeEmail"));
        }
    }
}
