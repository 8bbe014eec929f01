using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using HomeOps.Core.Upgrades;

namespace HomeOps.Operations.Upgrades;

/// <summary>
/// What one node runs, as its Node object reports it: Talos writes <c>PRETTY_NAME="Talos (v1.10.5)"</c> to
/// /etc/os-release (siderolabs/talos pkg/machinery/constants/constants.go, OSReleaseTemplate), which the kubelet
/// publishes as status.nodeInfo.osImage; status.nodeInfo.kubeletVersion is the node's Kubernetes.
/// </summary>
public sealed partial record NodeVersions(string Node, string OsImage, ReleaseVersion? Talos, ReleaseVersion? Kubelet)
{
    public static NodeVersions FromNode(JsonObject node)
    {
        var name = node["metadata"]?["name"]?.GetValue<string>() ?? "?";
        var info = node["status"]?["nodeInfo"];
        var osImage = info?["osImage"]?.GetValue<string>() ?? string.Empty;
        var talos = TalosImage().Match(osImage) is { Success: true } m && ReleaseVersion.TryParse(m.Groups["v"].Value, out var t) ? t : (ReleaseVersion?)null;
        var kubelet = ReleaseVersion.TryParse(info?["kubeletVersion"]?.GetValue<string>(), out var k) ? k : (ReleaseVersion?)null;
        return new NodeVersions(name, osImage, talos, kubelet);
    }

    [GeneratedRegex(@"^Talos \((?<v>v?\d+\.\d+\.\d+[^)]*)\)$")]
    private static partial Regex TalosImage();
}
