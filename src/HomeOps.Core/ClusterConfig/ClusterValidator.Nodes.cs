using HomeOps.Core.Diagnostics;
using HomeOps.Core.Text;

namespace HomeOps.Core.ClusterConfig;

public static partial class ClusterValidator
{
    private static void CheckNodes(ClusterDefinition config, DiagnosticBag diagnostics)
    {
        ReportDuplicateNames("node", config.Nodes, n => n.Name, n => n.SpanOf(nameof(n.Name)), diagnostics);
        var controlPlanes = config.Nodes.Count(n => n.Role == NodeRole.ControlPlane);
        var nodesSpan = config.SpanOf(nameof(config.Nodes));
        if (controlPlanes == 0)
        {
            diagnostics.Add(DiagnosticCatalog.NoControlPlane.At(nodesSpan));
        }
        else if (controlPlanes % 2 == 0)
        {
            diagnostics.Add(DiagnosticCatalog.ControlPlaneCountEven.At(nodesSpan, controlPlanes, controlPlanes - 1));
        }

        if (!config.Cluster.AllowSchedulingOnControlPlanes && config.Nodes.All(n => n.Role == NodeRole.ControlPlane))
        {
            diagnostics.Add(DiagnosticCatalog.NoSchedulableNode.At(config.Cluster.SpanOf(nameof(config.Cluster.AllowSchedulingOnControlPlanes))));
        }

        if (config.Talos.InstallDisk.IsEmpty && config.Nodes.Any(n => n.InstallDisk is null))
        {
            diagnostics.Add(DiagnosticCatalog.InstallDiskSelectorEmpty.At(config.Talos.SpanOf(nameof(config.Talos.InstallDisk)), "talos.installDisk"));
        }

        foreach (var node in config.Nodes)
        {
            if (node.InstallDisk is { IsEmpty: true } selector)
            {
                diagnostics.Add(DiagnosticCatalog.InstallDiskSelectorEmpty.At(selector.Span, $"node '{node.Name}' installDisk"));
            }
        }
    }

    private static void CheckVersions(ClusterSettings cluster, DiagnosticBag diagnostics)
    {
        var range = TalosCompatibility.SupportedKubernetes(cluster.TalosVersion);
        if (range is null)
        {
            diagnostics.Add(DiagnosticCatalog.TalosVersionUnknown.At(cluster.SpanOf(nameof(cluster.TalosVersion)), cluster.TalosVersion, string.Join(", ", TalosCompatibility.KnownTalosMinors)));
            return;
        }

        if (!TalosCompatibility.IsSupported(cluster.TalosVersion, cluster.KubernetesVersion))
        {
            diagnostics.Add(DiagnosticCatalog.TalosKubernetesUnsupported.At(cluster.SpanOf(nameof(cluster.KubernetesVersion)), cluster.TalosVersion, range.Value.Min, range.Value.Max, cluster.KubernetesVersion));
        }
    }

    private static void CheckExtensions(ClusterDefinition config, DiagnosticBag diagnostics)
    {
        CheckExtensionList(config.Talos.Extensions, i => config.Talos.SpanOf(nameof(config.Talos.Extensions), i), diagnostics);
        foreach (var node in config.Nodes)
        {
            if (node.Extensions is { } extensions)
            {
                CheckExtensionList(extensions, i => node.SpanOf(nameof(node.Extensions), i), diagnostics);
            }
        }
    }

    private static void CheckExtensionList(IReadOnlyList<string> extensions, Func<int, SourceSpan> span, DiagnosticBag diagnostics)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < extensions.Count; i++)
        {
            var name = extensions[i];
            if (!seen.Add(name))
            {
                diagnostics.Add(DiagnosticCatalog.ExtensionDuplicate.At(span(i), name));
                continue;
            }

            if (KnownExtensions.IsKnown(name))
            {
                continue;
            }

            string hint;
            if (KnownExtensions.ServiceIds.TryGetValue(name, out var real))
            {
                hint = $"'{name}' is the runtime service ID; the extension is '{real}'";
            }
            else if (Suggestions.Closest(name, KnownExtensions.Names) is { } suggestion)
            {
                hint = $"Did you mean '{suggestion}'?";
            }
            else
            {
                hint = "Official extensions are named siderolabs/<name>; see https://github.com/siderolabs/extensions";
            }

            diagnostics.Add(DiagnosticCatalog.ExtensionUnknown.At(span(i), name, hint));
        }
    }

    private static void CheckStorage(ClusterDefinition config, DiagnosticBag diagnostics)
    {
        if (config.Storage is { } storage && storage.Replicas > config.Nodes.Count)
        {
            diagnostics.Add(DiagnosticCatalog.ReplicasExceedNodes.At(storage.SpanOf(nameof(storage.Replicas)), storage.Replicas, config.Nodes.Count));
        }
    }
}
