using System.Security.Cryptography;
using System.Text;
using HomeOps.Core.Diagnostics;
using HomeOps.Core.Talos.Documents;

namespace HomeOps.Core.Talos.Schematics;

/// <summary>
/// An Image Factory schematic (siderolabs/image-factory pkg/schematic). Its ID is the lowercase hex SHA-256 of the
/// canonical YAML the factory re-marshals it to (yaml.v3, 4-space indent, keys in struct order, empty parts left out,
/// lists in the given order), so it can be computed offline and matches the factory's.
/// </summary>
public sealed record Schematic(IReadOnlyList<string> OfficialExtensions, IReadOnlyList<string> ExtraKernelArgs)
{
    public const string FactoryHost = "factory.talos.dev";

    public static readonly Schematic Vanilla = new([], []);

    /// <summary>The canonical YAML (what the factory hashes and returns as "schematic").</summary>
    public string Yaml
    {
        get
        {
            var origin = NodeOrigin.Defaults(SourceSpan.File("schematic"));
            var customization = new DocMap(origin);
            if (ExtraKernelArgs.Count > 0)
            {
                customization.Set("extraKernelArgs", List(ExtraKernelArgs, origin));
            }

            if (OfficialExtensions.Count > 0)
            {
                customization.Set("systemExtensions", new DocMap(origin).Set("officialExtensions", List(OfficialExtensions, origin)));
            }

            return DocYamlWriter.Write(new DocMap(origin).Set("customization", customization), SecretHandling.Include);
        }
    }

    public string Id => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Yaml)));

    /// <summary>
    /// The installer image for <paramref name="talosVersion"/>: the platform-specific route (metal-installer) from
    /// Talos 1.10 on, which the factory UI and talhelper use; the legacy "installer" route before.
    /// </summary>
    public string InstallerImage(string talosVersion, string platform = "metal") =>
        SupportsUnifiedInstaller(talosVersion)
            ? $"{FactoryHost}/{platform}-installer/{Id}:{talosVersion}"
            : $"{FactoryHost}/installer/{Id}:{talosVersion}";

    public string IsoUrl(string talosVersion, string architecture = "amd64") =>
        $"https://{FactoryHost}/image/{Id}/{talosVersion}/metal-{architecture}.iso";

    public string DiskImageUrl(string talosVersion, string architecture = "amd64") =>
        $"https://{FactoryHost}/image/{Id}/{talosVersion}/metal-{architecture}.raw.xz";

    private static bool SupportsUnifiedInstaller(string talosVersion) =>
        ClusterConfig.TalosCompatibility.TryParse(talosVersion, out var major, out var minor) && (major > 1 || (major == 1 && minor >= 10));

    private static DocList List(IEnumerable<string> values, NodeOrigin origin)
    {
        var list = new DocList(origin);
        foreach (var value in values)
        {
            list.Add(DocScalar.String(value, origin));
        }

        return list;
    }
}
