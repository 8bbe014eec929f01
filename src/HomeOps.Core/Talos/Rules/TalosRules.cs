using HomeOps.Core.Diagnostics;
using HomeOps.Core.Talos.Documents;
using HomeOps.Core.Yaml;

namespace HomeOps.Core.Talos.Rules;

/// <summary>
/// The checks Talos itself runs on a machine config (siderolabs/talos v1.10.5: v1alpha1_validation.go and each document
/// kind's Validate), so a config a node would refuse is reported at the patch line that caused it, before any node sees
/// it. The schema covers shape and types; these are the rules the schema cannot express. docs/talos.md cites the
/// upstream file and line of each.
/// </summary>
public static class TalosRules
{
    /// <summary>kubelet configuration fields Talos sets itself (pkg/machinery/kubelet/kubelet.go:10-24).</summary>
    public static readonly IReadOnlyList<string> KubeletProtectedFields =
        ["apiVersion", "authentication", "authorization", "cgroupRoot", "kind", "kubeletCgroups", "port", "protectKernelDefaults",
         "resolvConf", "rotateCertificates", "systemCgroups", "staticPodPath", "seccompDefault"];

    public static void Check(string nodeName, IReadOnlyList<DocMap> documents, DiagnosticBag diagnostics)
    {
        foreach (var document in documents)
        {
            if (TalosDocument.IsV1Alpha1(document))
            {
                CheckMachine(nodeName, document, diagnostics);
                continue;
            }

            switch (document.StringAt("kind"))
            {
                case "UserVolumeConfig":
                    VolumeRules.CheckUserVolume(document, diagnostics);
                    break;
                case "VolumeConfig":
                    VolumeRules.CheckVolume(document, diagnostics);
                    break;
                case "ExtensionServiceConfig":
                    DocumentRules.CheckExtensionService(document, diagnostics);
                    break;
                case "KmsgLogConfig":
                    DocumentRules.CheckKmsgLog(document, diagnostics);
                    break;
            }
        }
    }

    /// <summary>A value that is there: Go decodes a missing key and an explicit null alike, to the zero value.</summary>
    internal static bool Present(DocNode? node) => node is not null and not DocScalar { Kind: ScalarKind.Null };

    private static void CheckMachine(string nodeName, DocMap main, DiagnosticBag diagnostics)
    {
        // v1alpha1_validation.go:143-154: no shared VIP on a worker, on an interface or on one of its VLANs.
        if (main.StringAt("machine.type") == "worker" && main.At("machine.network.interfaces") is DocList interfaces)
        {
            foreach (var device in interfaces.Items.OfType<DocMap>())
            {
                var name = device.StringAt("interface") ?? "an interface";
                ReportVip(nodeName, device, $"interface {name}", diagnostics);
                foreach (var vlan in (device["vlans"] as DocList)?.Items.OfType<DocMap>() ?? [])
                {
                    ReportVip(nodeName, vlan, $"VLAN {vlan.StringAt("vlanId") ?? "?"} of {name}", diagnostics);
                }
            }
        }

        // v1alpha1_validation.go:910-914.
        if (main.At("machine.kubelet.extraConfig") is DocMap extraConfig)
        {
            foreach (var entry in extraConfig.Entries.Where(e => KubeletProtectedFields.Contains(e.Key, StringComparer.Ordinal)))
            {
                diagnostics.Add(DiagnosticCatalog.KubeletProtectedField.At(entry.KeyOrigin.Span, entry.Key, string.Join(", ", KubeletProtectedFields)));
            }
        }

        // v1alpha1_validation.go:239-259: the STATE and EPHEMERAL encryption keys.
        foreach (var partition in new[] { "state", "ephemeral" })
        {
            if ((main.At("machine.systemDiskEncryption") as DocMap)?.Find(partition) is { Value: DocMap encryption } entry)
            {
                VolumeRules.CheckKeys($"machine.systemDiskEncryption.{partition}", encryption, entry.KeyOrigin.Span, diagnostics);
            }
        }

        // Ignored rather than refused (v1.10 reference, config.md:1867; sdboot.go never reads the install command line).
        if (main.At("machine.install.extraKernelArgs") is DocList { Items.Count: > 0 } kernelArgs)
        {
            diagnostics.Add(DiagnosticCatalog.InstallKernelArgsIgnored.At(kernelArgs.Items[0].Origin.Span, string.Join(" ", kernelArgs.Items.OfType<DocScalar>().Select(a => a.Value))));
        }
    }

    private static void ReportVip(string nodeName, DocMap link, string where, DiagnosticBag diagnostics)
    {
        if (link.Find("vip") is { } vip && Present(vip.Value))
        {
            diagnostics.Add(DiagnosticCatalog.VipOnWorker.At(vip.KeyOrigin.Span, nodeName, where, (vip.Value as DocMap)?.StringAt("ip") ?? "no address"));
        }
    }
}
