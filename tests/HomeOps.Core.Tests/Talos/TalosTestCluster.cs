using HomeOps.Core.ClusterConfig;
using HomeOps.Core.Diagnostics;
using HomeOps.Core.Talos.Patches;
using HomeOps.Core.Talos.Rendering;
using HomeOps.Core.Talos.Secrets;
using HomeOps.Testing;

namespace HomeOps.Core.Tests.Talos;

/// <summary>The bundled cluster.yaml and talos/patches of the repository, rendered with the fixed test secrets bundle.</summary>
internal static class TalosTestCluster
{
    public static readonly DateTimeOffset Now = new(2025, 8, 15, 9, 30, 0, TimeSpan.Zero);

    private static readonly Lazy<TalosRenderResult> s_rendered = new(() => Render());

    public static TalosRenderResult Rendered => s_rendered.Value;

    public static ClusterDefinition Config(string? yaml = null)
    {
        var result = ClusterConfigLoader.Load(yaml ?? File.ReadAllText(RepositoryPaths.ClusterFile), "cluster.yaml");
        result.Config.ShouldNotBeNull(string.Join("\n", result.Diagnostics));
        return result.Config;
    }

    public static LoadedSecrets Secrets()
    {
        var bag = new DiagnosticBag();
        var document = SecretsBundleYaml.Read(TestSecrets.Yaml, "secrets.yaml", bag)!;
        return SecretsBundleInspector.Inspect(document, Now, bag)!;
    }

    /// <summary>The repository's patch files, read as the CLI reads them (paths relative to the repository root).</summary>
    public static List<TalosPatch> RepositoryPatches(DiagnosticBag? diagnostics = null)
    {
        var bag = diagnostics ?? new DiagnosticBag();
        var patches = new List<TalosPatch>();
        foreach (var (folder, scope) in new[] { ("all", PatchScope.All), ("controlplane", PatchScope.ControlPlane), ("worker", PatchScope.Worker) })
        {
            var dir = RepositoryPaths.Combine("talos", "patches", folder);
            foreach (var file in Directory.EnumerateFiles(dir, "*.yaml").Order(StringComparer.Ordinal))
            {
                patches.Add(TalosPatch.Parse(File.ReadAllText(file), $"talos/patches/{folder}/{Path.GetFileName(file)}", scope, null, bag));
            }
        }

        return patches;
    }

    public static TalosRenderResult Render(ClusterDefinition? config = null, IReadOnlyList<TalosPatch>? patches = null, bool withSecrets = true) =>
        TalosRenderer.Render(config ?? Config(), "cluster.yaml", patches ?? RepositoryPatches(), withSecrets ? Secrets() : null, Now);

    public static TalosPatch Patch(string yaml, PatchScope scope = PatchScope.All, string? node = null, string path = "talos/patches/all/test.yaml", DiagnosticBag? diagnostics = null) =>
        TalosPatch.Parse(yaml.Replace("\r\n", "\n", StringComparison.Ordinal), path, scope, node, diagnostics ?? new DiagnosticBag());
}
