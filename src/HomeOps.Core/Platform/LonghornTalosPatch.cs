using System.Text;
using HomeOps.Core.ClusterConfig;

namespace HomeOps.Core.Platform;

/// <summary>
/// A Talos patch (for every node) that registers the node's data disk with Longhorn declaratively: Longhorn's
/// create-default-disk-labeled-nodes setting creates exactly the disk the node annotation describes, at the
/// user volume's mount path, tagged with cluster.yaml's disk tag. No script has to patch Longhorn nodes.
/// </summary>
public static class LonghornTalosPatch
{
    public const string CreateDiskLabel = "node.longhorn.io/create-default-disk";
    public const string DisksAnnotation = "node.longhorn.io/default-disks-config";

    /// <summary>The annotation value: Longhorn's JSON list of default disks.</summary>
    public static string DisksConfig(StorageSettings storage) =>
        $$"""[{"name":"{{storage.DataDisk.VolumeName}}","path":"{{storage.DataDisk.MountPath}}","allowScheduling":true,"tags":["{{storage.DiskTag}}"]}]""";

    public static string Write(StorageSettings storage)
    {
        var path = storage.DataDisk.MountPath;
        return new StringBuilder()
            .Append(PlatformRenderer.Header)
            .Append("# Registers each node's data disk (the Talos user volume ").Append(storage.DataDisk.VolumeName)
            .Append(", cluster.yaml storage.dataDisk) with\n")
            .Append("# Longhorn: with createDefaultDiskLabeledNodes on, Longhorn creates the disk this annotation describes the\n")
            .Append("# first time it sees the node. The kubelet needs the mount with shared propagation to publish volumes.\n")
            .Append("machine:\n")
            .Append("  nodeLabels:\n")
            .Append("    ").Append(CreateDiskLabel).Append(": config\n")
            .Append("  nodeAnnotations:\n")
            .Append("    ").Append(DisksAnnotation).Append(": '").Append(DisksConfig(storage)).Append("'\n")
            .Append("  kubelet:\n")
            .Append("    extraMounts:\n")
            .Append("      - destination: ").Append(path).Append('\n')
            .Append("        type: bind\n")
            .Append("        source: ").Append(path).Append('\n')
            .Append("        options:\n")
            .Append("          - bind\n")
            .Append("          - rshared\n")
            .Append("          - rw\n")
            .ToString();
    }
}
