using HomeOps.Core.Diagnostics;
using HomeOps.Core.Talos.Documents;

namespace HomeOps.Core.Talos.Rules;

/// <summary>Talos's rules for the extension service and kernel log documents (siderolabs/talos v1.10.5).</summary>
internal static class DocumentRules
{
    // pkg/machinery/config/types/runtime/extensions/service_config.go:130-156.
    public static void CheckExtensionService(DocMap document, DiagnosticBag diagnostics)
    {
        var name = document.StringAt("name") ?? string.Empty;
        var files = (document["configFiles"] as DocList)?.Items ?? [];
        var environment = (document["environment"] as DocList)?.Items ?? [];
        if (files.Count == 0 && environment.Count == 0)
        {
            diagnostics.Add(DiagnosticCatalog.ExtensionServiceConfigEmpty.At((document["name"] ?? document).Origin.Span, name));
            return;
        }

        foreach (var file in files.OfType<DocMap>())
        {
            foreach (var key in new[] { "content", "mountPath" })
            {
                if (string.IsNullOrEmpty(file.StringAt(key)))
                {
                    diagnostics.Add(DiagnosticCatalog.ExtensionConfigFileIncomplete.At((file.Find(key)?.KeyOrigin ?? file.Origin).Span, name, key));
                }
            }
        }
    }

    // pkg/machinery/config/types/runtime/kmsg_log.go:117-145. The scheme is the schema's pattern (HO2204).
    public static void CheckKmsgLog(DocMap document, DiagnosticBag diagnostics)
    {
        var name = document.StringAt("name") ?? string.Empty;
        var at = document.Origin.Span;
        if (name.Length == 0)
        {
            diagnostics.Add(DiagnosticCatalog.KmsgLogConfigInvalid.At(at, "(unnamed)", "has no name"));
        }

        if (document["url"] is not DocScalar { Value.Length: > 0 } url)
        {
            diagnostics.Add(DiagnosticCatalog.KmsgLogConfigInvalid.At(at, name, "has no url"));
            return;
        }

        if (!Uri.TryCreate(url.Value, UriKind.Absolute, out var uri) || uri.Scheme is not ("tcp" or "udp"))
        {
            return;
        }

        if (uri.Port < 0)
        {
            diagnostics.Add(DiagnosticCatalog.KmsgLogConfigInvalid.At(url.Origin.Span, name, $"url '{url.Value}' has no port"));
        }

        if (uri.AbsolutePath is not ("/" or ""))
        {
            diagnostics.Add(DiagnosticCatalog.KmsgLogConfigInvalid.At(url.Origin.Span, name, $"url '{url.Value}' has a path ({uri.AbsolutePath}); Talos allows none"));
        }
    }
}
