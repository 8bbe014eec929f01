namespace HomeOps.Core.Talos.Patches;

/// <summary>Which nodes a patch folder applies to, in the order layers are applied.</summary>
public enum PatchScope
{
    /// <summary>talos/patches/all: every node.</summary>
    All,

    /// <summary>talos/patches/controlplane: control-plane nodes.</summary>
    ControlPlane,

    /// <summary>talos/patches/worker: worker nodes.</summary>
    Worker,

    /// <summary>talos/patches/nodes/&lt;name&gt;: one node.</summary>
    Node,
}
