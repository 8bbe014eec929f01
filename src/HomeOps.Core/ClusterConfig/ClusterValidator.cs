using HomeOps.Core.Diagnostics;

namespace HomeOps.Core.ClusterConfig;

/// <summary>
/// Checks what the values of a well-formed cluster.yaml mean together: addresses, networks, pools, BGP, nodes and
/// versions. Split by concern into ClusterValidator.*.cs.
/// </summary>
public static partial class ClusterValidator
{
    public static void Validate(ClusterDefinition config, DiagnosticBag diagnostics)
    {
        var network = config.Network;
        CheckNetworkShapes(network, diagnostics);
        CheckOverlaps(config, diagnostics);
        CheckAddresses(config, diagnostics);
        CheckPools(config, diagnostics);
        CheckBgp(config, diagnostics);
        CheckNodes(config, diagnostics);
        CheckVersions(config.Cluster, diagnostics);
        CheckExtensions(config, diagnostics);
        CheckStorage(config, diagnostics);
    }
}
