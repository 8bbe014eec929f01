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
        return PlatformFiles.NewFile()
            .Comment($"Registers each node's data disk (the Talos user volume {storage.DataDisk.VolumeName}, cluster.yaml storage.dataDisk) with")
            .Comment("Longhorn: with createDefaultDiskLabeledNodes on, Longhorn creates the disk this annotation describes the")
            .Comment("first time it sees the node. The kubelet needs the mount with shared propagation to publish volumes.")
            .Map()
            .Key("machine").Map()
                .Key("nodeLabels").Map().Entry(CreateDiskLabel, "config").EndMap()
                .Key("nodeAnnotations").Map().Key(DisksAnnotation).SingleQuoted(DisksConfig(storage)).EndMap()
                .Key("kubelet").Map()
                    .Key("extraMounts").List()
                        .Map()
                            .Entry("destination", path)
                            .Entry("type", "bind")
                            .Entry("source", path)
                            .Key("options").List().Plain("bind").Plain("rshared").Plain("rw").EndList()
                        .EndMap()
                    .EndList()
                .EndMap()
            .EndMap()
            .EndMap()
            .ToString();
    }
}
