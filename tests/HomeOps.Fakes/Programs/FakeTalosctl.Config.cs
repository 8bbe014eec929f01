using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace HomeOps.Fakes.Programs;

/// <summary>
/// What a node does with the bytes `apply-config` sends, as Talos v1.10.5 does: configloader.NewFromBytes parses every
/// YAML document (pkg/machinery/config/configloader/internal/decoder/decoder.go:58-121, "decode error: ..." at :83 for YAML
/// that does not parse, ErrMissingKind "missing kind" for a document with neither kind nor the v1alpha1 keys
/// machine/cluster, :160-166, duplicate documents refused, :108-110), then refuses a config without the v1alpha1
/// document (internal/app/machined/internal/server/v1alpha1/v1alpha1_server.go:186-188). The maintenance service wraps
/// a parse error as "failed to parse config: ..." (internal/app/maintenance/server.go:101-104), the running node
/// answers InvalidArgument with the bare error (v1alpha1_server.go:178-181); talosctl prints either after
/// "error applying new configuration: " (cmd/talosctl/cmd/talos/apply-config.go:149-150).
/// And what a talosconfig is to talosctl: the CA of its current context is the only CA it trusts.
/// </summary>
public sealed partial class FakeTalosctl
{
    /// <summary>
    /// The document kinds Talos v1.10.5 registers (every registry.Register call under pkg/machinery/config/types);
    /// any other kind is `"KIND" "VERSION": not registered` (pkg/machinery/config/internal/registry/registry.go:66-80).
    /// Versions are not checked.
    /// </summary>
    private static readonly HashSet<string> s_registeredKinds = new(StringComparer.Ordinal)
    {
        "UserVolumeConfig", "VolumeConfig", "PCIDriverRebindConfig", "NetworkDefaultActionConfig", "EthernetConfig",
        "KubeSpanEndpointsConfig", "NetworkRuleConfig", "EventSinkConfig", "ExtensionServiceConfig", "KmsgLogConfig",
        "WatchdogTimerConfig", "TrustedRootsConfig", "SideroLinkConfig",
    };

    /// <summary>The node's parse of a machine config: its documents, or the error Talos gives.</summary>
    internal static (List<YamlMappingNode>? Documents, string? Error) ParseMachineConfig(string text)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            return (null, $"decode error: yaml: line {e.Start.Line}: {e.Message}");
        }

        var documents = new List<YamlMappingNode>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var document in stream.Documents)
        {
            if (document.RootNode is not YamlMappingNode map)
            {
                return (null, "decode error: yaml: cannot unmarshal a document that is not a mapping");
            }

            var kind = Scalar(map, "kind");
            var version = Scalar(map, "apiVersion");
            if (map.Children.ContainsKey(new YamlScalarNode("machine")) || map.Children.ContainsKey(new YamlScalarNode("cluster")))
            {
                version = "v1alpha1";
            }

            if (kind is null && version != "v1alpha1")
            {
                return (null, "missing kind");
            }

            if (kind is not null && !s_registeredKinds.Contains(kind))
            {
                return (null, $"\"{kind}\" \"{version}\": not registered");
            }

            var id = $"{version}/{kind ?? "v1alpha1"}/{Scalar(map, "name")}";
            if (!seen.Add(id))
            {
                return (null, $"duplicate document {version}/{kind ?? "v1alpha1"}/{Scalar(map, "name")} is not allowed");
            }

            documents.Add(map);
        }

        return (documents, null);
    }

    /// <summary>The v1alpha1 document (the one with machine and cluster), if any.</summary>
    internal static YamlMappingNode? V1Alpha1(IEnumerable<YamlMappingNode> documents) =>
        documents.FirstOrDefault(d => Scalar(d, "kind") is null && d.Children.ContainsKey(new YamlScalarNode("machine")));

    /// <summary>The CA the talosconfig's current context trusts (base64 PEM), or null when it names none.</summary>
    internal static string? TalosconfigCa(string path)
    {
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(File.ReadAllText(path)));
            var root = stream.Documents.FirstOrDefault()?.RootNode as YamlMappingNode;
            var context = root is null ? null : Scalar(root, "context");
            return context is not null && Child(Child(root, "contexts"), context) is { } c ? Scalar(c, "ca") : null;
        }
        catch (YamlException)
        {
            return null;
        }
    }

    private static YamlMappingNode? Child(YamlMappingNode? map, string key) =>
        map is not null && map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value as YamlMappingNode : null;

    private static string? Scalar(YamlMappingNode? map, string key) =>
        map is not null && map.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlScalarNode s ? s.Value : null;

    private static string? Scalar(YamlMappingNode? map, params string[] path)
    {
        for (var i = 0; i < path.Length - 1; i++)
        {
            map = Child(map, path[i]);
        }

        return Scalar(map, path[^1]);
    }

    private FakeResult ApplyConfig(List<string> args, FakeTalosNode target, bool insecure)
    {
        var file = Option(args, "--file");
        if (file is null || !File.Exists(file))
        {
            return FakeResult.Error($"error: failed to read configuration from \"{file}\": open {file}: no such file or directory\n");
        }

        var text = File.ReadAllText(file);
        if (text.Length == 0)
        {
            return FakeResult.Error("error: no configuration data read\n");
        }

        var (documents, error) = ParseMachineConfig(text);
        if (error is not null)
        {
            return FakeResult.Error(insecure
                ? $"error: error applying new configuration: rpc error: code = Unknown desc = failed to parse config: {error}\n"
                : $"error: error applying new configuration: rpc error: code = InvalidArgument desc = {error}\n");
        }

        if (V1Alpha1(documents!) is not { } v1alpha1)
        {
            return FakeResult.Error("error: error applying new configuration: rpc error: code = InvalidArgument desc = the applied machine configuration doesn't contain v1alpha1 config, did you mean to patch the machine config instead?\n");
        }

        target.Config = documents;
        target.MachineType = Scalar(v1alpha1, "machine", "type");
        target.Ca = Scalar(v1alpha1, "machine", "ca", "crt");
        target.Stage = "running";
        target.Applies++;
        if (EtcdJoinsImmediately && target.IsControlPlane && Nodes.Any(n => n != target && n.Configured && n.EtcdData))
        {
            // A control plane configured while etcd runs elsewhere joins that cluster as a member.
            target.EtcdData = true;
        }

        return FakeResult.Ok();
    }
}
