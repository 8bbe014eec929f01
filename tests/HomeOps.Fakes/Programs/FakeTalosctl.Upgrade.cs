using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace HomeOps.Fakes.Programs;

/// <summary>
/// `talosctl upgrade --image REF` and `talosctl upgrade-k8s --to V` as Talos v1.10.5 answers them, and the read
/// `get extensions -o json` through which a node reports its schematic.
/// Upgrade (machined's Upgrade handler, internal/app/machined/internal/server/v1alpha1/v1alpha1_server.go:482-517):
/// the installer image is pulled first (internal/pkg/install/pull.go:25, internal/pkg/containers/image/image.go:77-79):
/// a malformed reference and an image the registry does not have are refused; then a control plane, unless --force,
/// validates etcd (internal/pkg/etcd/etcd.go:95-121: exactly two members, or any member not healthy, is refused).
/// Accepted, the node installs the image and reboots (talosctl --wait returns once it is back, after the boot-id
/// check): it then reports the image's Talos version and schematic, and <see cref="OnRebooted"/> lets the cluster
/// take its Kubernetes Node NotReady for a while. With <see cref="FakeTalosNode.BootsOldImage"/> the new image fails
/// to boot and the node comes back on the one it ran (Talos's A/B fallback); with <see cref="FakeTalosNode.PullsSchematic"/>
/// the image pulled under that name carries another schematic.
/// upgrade-k8s (cmd/talosctl/cmd/talos/upgrade-k8s.go, pkg/cluster/kubernetes/talos_managed.go:84-86): one node only,
/// from the lowest kubelet version, path 1.x→1.x or 1.x→1.(x+1) up to what this talosctl's go-kubernetes knows.
/// Does not model: the installer's own pre-flight (host version, Kubernetes version), staged upgrades, the upgrade
/// mutex, time spent pulling and installing, upgrade-k8s's phases and API removal checks (it moves every kubelet at once).
/// </summary>
public sealed partial class FakeTalosctl
{
    /// <summary>The vanilla schematic (no customization), what ghcr.io/siderolabs/installer images carry.</summary>
    public const string VanillaSchematic = "376567988ad370138ad8b2698212367b8edcb69b5fd68c80be1f2ec7d603b4ba";

    /// <summary>Newest patch of each Talos minor released (facts-kubernetes-versions.md §1); newer tags do not exist.</summary>
    private static readonly Dictionary<int, int> s_newestPatch = new() { [8] = 4, [9] = 6, [10] = 9, [11] = 6, [12] = 11, [13] = 9 };

    /// <summary>Schematics the Image Factory knows (posted before); an installer of another ID is not found.</summary>
    public HashSet<string> FactorySchematics { get; } = new(StringComparer.Ordinal) { VanillaSchematic };

    /// <summary>Called after a node installed an image and rebooted (whichever image it came back on).</summary>
    public Action<FakeTalosNode>? OnRebooted { get; set; }

    /// <summary>Called after upgrade-k8s moved every kubelet.</summary>
    public Action? OnKubernetesUpgraded { get; set; }

    /// <summary>Every accepted upgrade: node name and image, in order.</summary>
    public List<(string Node, string Image)> UpgradeLog { get; } = [];

    /// <summary>Every accepted upgrade-k8s target, in order.</summary>
    public List<string> KubernetesUpgrades { get; } = [];

    private FakeResult Upgrade(List<string> args, FakeTalosNode target)
    {
        var image = Option(args, "--image") ?? $"ghcr.io/siderolabs/installer:{Version}";
        if (args.Contains("--preserve") || args.Contains("--stage"))
        {
            throw new InvalidOperationException("An upgrade with --preserve or --stage was issued: " + string.Join(' ', args));
        }

        if (Refused(image) is { } refused)
        {
            return FakeResult.Error($"error: rpc error: code = Unknown desc = error validating installer image \"{image}\": {refused}\n");
        }

        if (target.IsControlPlane && !args.Contains("--force") && EtcdRefusesUpgrade() is { } etcd)
        {
            return FakeResult.Error($"error: rpc error: code = Unknown desc = error validating etcd for upgrade: {etcd}\n");
        }

        target.Upgrades++;
        target.Reboots++;
        target.Image = image;
        UpgradeLog.Add((target.Name, image));
        if (target.BootsOldImage)
        {
            target.BootsOldImage = false;
        }
        else
        {
            var (schematic, tag) = ImageParts(image);
            target.TalosVersion = tag;
            target.Schematic = target.PullsSchematic ?? schematic;
            target.PullsSchematic = null;
        }

        OnRebooted?.Invoke(target);
        return FakeResult.Ok($"watching nodes: [{target.Address}]\n    * {target.Address}: post check passed\n");
    }

    /// <summary>Why the registry refuses the image, or null when it serves it.</summary>
    private string? Refused(string image)
    {
        if (!ImageReference().IsMatch(image))
        {
            return $"failed to parse image reference \"{image}\": invalid reference format";
        }

        var notFound = $"failed to pull image \"{image}\": failed to resolve reference \"{image}\": {image}: not found";
        var (schematic, tag) = ImageParts(image);
        var released = TalosTag().Match(tag) is { Success: true } m
            && s_newestPatch.TryGetValue(int.Parse(m.Groups["minor"].Value, CultureInfo.InvariantCulture), out var newest)
            && int.Parse(m.Groups["patch"].Value, CultureInfo.InvariantCulture) <= newest;
        var knownRepository = image.StartsWith("ghcr.io/siderolabs/installer:", StringComparison.Ordinal)
            || (FactoryImage().IsMatch(image) && FactorySchematics.Contains(schematic));
        return released && knownRepository ? null : notFound;
    }

    /// <summary>The schematic and tag an installer image carries (ghcr.io's own installer is the vanilla schematic).</summary>
    private static (string Schematic, string Tag) ImageParts(string image)
    {
        var tag = image[(image.LastIndexOf(':') + 1)..];
        return FactoryImage().Match(image) is { Success: true } m ? (m.Groups["id"].Value, tag) : (VanillaSchematic, tag);
    }

    /// <summary>etcd's ValidateForUpgrade over the members (configured control planes holding etcd data).</summary>
    private string? EtcdRefusesUpgrade()
    {
        var members = Nodes.Where(n => n.Configured && n.IsControlPlane && n.EtcdData).ToList();
        if (members.Count == 2)
        {
            return "etcd member count(2) is insufficient to maintain quorum if upgrade commences";
        }

        return members.FirstOrDefault(n => !n.Reachable || n.EtcdErrors.Length > 0) is { } sick
            ? $"etcd member {MemberId(sick)} is not healthy; all members must be healthy to perform an upgrade: context deadline exceeded"
            : null;
    }

    private FakeResult UpgradeKubernetes(List<string> args)
    {
        if (Option(args, "--nodes") is { } nodes && nodes.Contains(',', StringComparison.Ordinal))
        {
            return FakeResult.Error("error: command \"upgrade-k8s\" is not supported with multiple nodes\n");
        }

        var kubelets = Nodes.Where(n => n.Configured).Select(n => n.KubeletVersion).ToList();
        var from = Option(args, "--from") ?? kubelets.OrderBy(Minor).ThenBy(v => v, StringComparer.Ordinal).First();
        var to = Option(args, "--to") ?? "1.33.0";
        var (fromMinor, toMinor) = (Minor(from), Minor(to));
        var talosctlMinor = Minor(Version);
        var newestTarget = talosctlMinor + 23; // go-kubernetes pinned by talosctl 1.N knows paths up to 1.(N+23)
        if (toMinor < fromMinor || toMinor > fromMinor + 1 || toMinor > newestTarget)
        {
            return FakeResult.Error(string.Create(CultureInfo.InvariantCulture,
                $"automatically detected the lowest Kubernetes version {from.TrimStart('v')}\nerror: unsupported upgrade path 1.{fromMinor}->1.{toMinor} (from \"{from.TrimStart('v')}\" to \"{to.TrimStart('v')}\")\n"));
        }

        var version = "v" + to.TrimStart('v');
        foreach (var node in Nodes.Where(n => n.Configured))
        {
            node.KubeletVersion = version;
        }

        KubernetesUpgrades.Add(version);
        OnKubernetesUpgraded?.Invoke();
        return FakeResult.Ok($"automatically detected the lowest Kubernetes version {from.TrimStart('v')}\nchecking for removed Kubernetes component flags\nupdating \"kube-apiserver\" to version \"{to.TrimStart('v')}\"\nupdating kubelet to version \"{to.TrimStart('v')}\"\n");
    }

    /// <summary>`get extensions -o json`: the virtual "schematic" extension Image Factory images carry.</summary>
    private static FakeResult Extensions(FakeTalosNode target) =>
        FakeResult.Ok(new JsonObject
        {
            ["node"] = target.Address,
            ["metadata"] = new JsonObject { ["namespace"] = "runtime", ["type"] = "ExtensionStatuses.runtime.talos.dev", ["id"] = "0", ["version"] = 1, ["phase"] = "running" },
            ["spec"] = new JsonObject
            {
                ["image"] = "schematic.sqsh",
                ["metadata"] = new JsonObject { ["name"] = "schematic", ["version"] = target.Schematic, ["author"] = "Image Factory", ["description"] = "Virtual extension which specifies the schematic ID used to generate Talos image." },
            },
        }.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true, IndentSize = 4 }) + "\n");

    private static int Minor(string version) =>
        TalosTag().Match(version.StartsWith('v') ? version : "v" + version) is { Success: true } m ? int.Parse(m.Groups["minor"].Value, CultureInfo.InvariantCulture) : -1;

    /// <summary>A docker reference, simplified from distribution/reference's grammar: host[:port]/path[:tag][@digest].</summary>
    [GeneratedRegex(@"^[a-z0-9]+(?:[._-][a-z0-9]+)*(?::\d+)?(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)+(?::[\w][\w.-]{0,127})?(?:@sha256:[0-9a-f]{64})?$")]
    private static partial Regex ImageReference();

    [GeneratedRegex(@"^factory\.talos\.dev/(?:[a-z0-9]+-)?installer/(?<id>[0-9a-f]{64}):v\d+\.\d+\.\d+$")]
    private static partial Regex FactoryImage();

    [GeneratedRegex(@"^v(?<major>\d+)\.(?<minor>\d+)\.(?<patch>\d+)$")]
    private static partial Regex TalosTag();
}
