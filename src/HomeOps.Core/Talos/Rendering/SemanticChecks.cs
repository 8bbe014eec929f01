using System.Net;
using HomeOps.Core.ClusterConfig;
using HomeOps.Core.Diagnostics;
using HomeOps.Core.Talos.Documents;

namespace HomeOps.Core.Talos.Rendering;

/// <summary>
/// Checks of a rendered node config that the schema cannot express: the VIP is on the node network, there is an
/// install disk, versions agree with cluster.yaml, Talos installs no CNI and no kube-proxy (Cilium replaces both),
/// configured extension services are installed, and discovery registries that cannot work are off.
/// </summary>
internal static class SemanticChecks
{
    private static readonly string[] s_kubernetesImages = ["cluster.apiServer.image", "cluster.controllerManager.image", "cluster.scheduler.image", "cluster.proxy.image", "machine.kubelet.image"];

    public static void Check(NodeContext c, IReadOnlyList<DocMap> documents, DiagnosticBag diagnostics)
    {
        var main = documents[0];
        var network = c.Config.Network;
        if (main.At("machine.network.interfaces") is DocList interfaces)
        {
            foreach (var device in interfaces.Items.OfType<DocMap>())
            {
                if (device.At("vip.ip") is DocScalar vip && IPAddress.TryParse(vip.Value, out var address))
                {
                    var nodeNetwork = address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? network.NodeNetworkIPv6 : network.NodeNetwork;
                    if (nodeNetwork is null || !nodeNetwork.Contains(address))
                    {
                        diagnostics.Add(DiagnosticCatalog.VipOutsideNodeNetwork.At(vip.Origin.Span, vip.Value, device.StringAt("interface") ?? "the interface", nodeNetwork?.ToString() ?? "(no IPv6 node network)"));
                    }
                }
            }
        }

        var install = main.At("machine.install") as DocMap;
        if (install?["disk"] is not DocScalar { Value.Length: > 0 } && install?["diskSelector"] is not DocMap { Entries.Count: > 0 })
        {
            diagnostics.Add(DiagnosticCatalog.InstallDiskMissing.At((install ?? main).Origin.Span, c.Node.Name));
        }

        CheckVersion(main, "machine.install.image", c.TalosVersion, "talosVersion", diagnostics);
        foreach (var image in s_kubernetesImages)
        {
            CheckVersion(main, image, c.KubernetesVersion, "kubernetesVersion", diagnostics);
        }

        var cni = main.At("cluster.network.cni.name") as DocScalar;
        if (cni?.Value != "none")
        {
            var at = cni ?? main.At("cluster.network") ?? main;
            diagnostics.Add(DiagnosticCatalog.CniNotNone.At(at.Origin.Span, cni?.Value ?? "flannel (the default)"));
        }

        if (c.IsControlPlane && main.At("cluster.proxy.disabled") is not DocScalar { Value: "true" })
        {
            diagnostics.Add(DiagnosticCatalog.KubeProxyEnabled.At((main.At("cluster.proxy.disabled") ?? main.At("cluster.proxy") ?? main).Origin.Span));
        }

        foreach (var service in documents.Where(d => d.StringAt("kind") == "ExtensionServiceConfig"))
        {
            var name = service.StringAt("name") ?? string.Empty;
            if (!c.Extensions.Any(e => e.EndsWith("/" + name, StringComparison.Ordinal)))
            {
                diagnostics.Add(DiagnosticCatalog.ExtensionConfigWithoutExtension.At(service.Origin.Span, c.Node.Name, name, "siderolabs/" + name));
            }
        }

        if (main.At("cluster.discovery.registries.kubernetes") is DocMap kubernetesRegistry && kubernetesRegistry["disabled"] is not DocScalar { Value: "true" }
            && TalosCompatibility.TryParse(c.KubernetesVersion, out var major, out var minor) && (major > 1 || minor >= 32))
        {
            diagnostics.Add(DiagnosticCatalog.KubernetesDiscoveryRegistryUnsupported.At((kubernetesRegistry["disabled"] ?? kubernetesRegistry).Origin.Span, c.KubernetesVersion));
        }
    }

    private static void CheckVersion(DocMap main, string path, string expected, string key, DiagnosticBag diagnostics)
    {
        if (main.At(path) is DocScalar image && !image.Value.EndsWith(":" + expected, StringComparison.Ordinal))
        {
            diagnostics.Add(DiagnosticCatalog.TalosVersionMismatch.At(image.Origin.Span, path, image.Value, key, expected, key));
        }
    }
}
