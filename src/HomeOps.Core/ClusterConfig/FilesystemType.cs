namespace HomeOps.Core.ClusterConfig;

public enum FilesystemType
{
    Xfs,
    Ext4,
}
