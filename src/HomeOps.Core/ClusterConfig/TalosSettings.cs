using HomeOps.Core.Schema;

namespace HomeOps.Core.ClusterConfig;

[ConfigObject("Talos Linux settings shared by every node.")]
public sealed record TalosSettings : ConfigObject
{
    [ConfigKey("installDisk", "Which disk Talos installs to (overridable per node).", Required = true)]
    public InstallDiskSelector InstallDisk { get; init; } = new();

    [ConfigKey("extensions", "Official system extensions baked into the installer image through the Image Factory (overridable per node).")]
    public IReadOnlyList<string> Extensions { get; init; } = [];

    [ConfigKey("diskEncryption", "Encryption of the STATE and EPHEMERAL system partitions.")]
    public DiskEncryptionSettings DiskEncryption { get; init; } = new();

    [ConfigKey("kernelLogging", "Where each node streams its kernel log (JSON lines over TCP or UDP), for example a log collector; rendered as a KmsgLogConfig document.", Example = "udp://172.29.51.1:514/", Format = ValueFormats.KmsgLogUrl)]
    public string? KernelLogging { get; init; }

    [ConfigKey("wipeInstallDisk", "Wipe the install disk when Talos is installed.")]
    public bool WipeInstallDisk { get; init; } = true;

    [ConfigKey("apiServerCertSans", "Extra names and addresses for the Kubernetes API server certificate; the VIP, every control-plane address and 127.0.0.1 are always included.", Example = "api.k8s.home.example.com")]
    public IReadOnlyList<string> ApiServerCertSans { get; init; } = [];

    [ConfigKey("patches", "Folder of Talos strategic-merge patches: all/, controlplane/, worker/ and nodes/<name>/, applied in that order.", Format = ValueFormats.RelativePath)]
    public string Patches { get; init; } = "talos/patches";
}

[ConfigObject("Selects the install disk. Give at least one field; shell-style wildcards (*) are allowed.")]
public sealed record InstallDiskSelector : ConfigObject
{
    [ConfigKey("model", "Disk model, for example APPLE* for the internal SSD of a Mac mini.", Example = "APPLE*")]
    public string? Model { get; init; }

    [ConfigKey("serial", "Disk serial number.")]
    public string? Serial { get; init; }

    [ConfigKey("wwid", "Disk World Wide Identifier.")]
    public string? Wwid { get; init; }

    [ConfigKey("busPath", "Bus path of the disk, for example /pci0000:00/0000:00:17.0/ata1/*.")]
    public string? BusPath { get; init; }

    [ConfigKey("size", "Disk size condition, for example '>= 200GB'.")]
    public string? Size { get; init; }

    [ConfigKey("type", "Disk type: ssd, hdd, nvme or sd.")]
    public string? Type { get; init; }

    public bool IsEmpty => Model is null && Serial is null && Wwid is null && BusPath is null && Size is null && Type is null;
}

[ConfigObject("Encryption of the Talos system partitions.")]
public sealed record DiskEncryptionSettings : ConfigObject
{
    [ConfigKey("state", "Encryption of the STATE partition (machine configuration).")]
    public EncryptionProvider State { get; init; } = EncryptionProvider.None;

    [ConfigKey("ephemeral", "Encryption of the EPHEMERAL partition (/var: containers, etcd, logs).")]
    public EncryptionProvider Ephemeral { get; init; } = EncryptionProvider.None;
}
