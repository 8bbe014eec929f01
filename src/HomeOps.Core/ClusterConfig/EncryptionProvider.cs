namespace HomeOps.Core.ClusterConfig;

public enum EncryptionProvider
{
    /// <summary>LUKS2 keyed by the node ID (data is lost if the node is reset or the disk moved).</summary>
    Luks2,

    /// <summary>The partition is not encrypted.</summary>
    None,
}
