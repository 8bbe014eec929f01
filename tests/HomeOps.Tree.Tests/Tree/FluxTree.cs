using HomeOps.Core.Graph;
using HomeOps.Core.ClusterConfig;
using HomeOps.Core.Diagnostics;
using HomeOps.Core.Yaml;
using HomeOps.Runtime.Processes;
using HomeOps.Testing;

namespace HomeOps.Tree.Tests.Tree;

/// <summary>
/// The repository's Flux tree as Flux would see it: the root path built with `kubectl kustomize`, then every Flux
/// Kustomization found in a build, followed recursively, each built offline and substituted from cluster-settings.
/// Loaded once per test run.
/// </summary>
internal sealed class FluxTree
{
    private static readonly Lazy<Task<FluxTree>> s_repository = new(() => LoadAsync(RepositoryPaths.Root));

    private FluxTree(string rootPath, KustomizeBuild rootBuild, IReadOnlyDictionary<string, string> settings, IReadOnlyList<FluxKustomization> kustomizations)
    {
        RootPath = rootPath;
        RootBuild = rootBuild;
        Settings = settings;
        Kustomizations = kustomizations;
    }

    public static Task<FluxTree> Repository => s_repository.Value;

    /// <summary>The cluster's entry folder (cluster.yaml gitops.path), repository-relative.</summary>
    public string RootPath { get; }

    public KustomizeBuild RootBuild { get; }

    /// <summary>The data of the cluster-settings ConfigMap.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; }

    public IReadOnlyList<FluxKustomization> Kustomizations { get; }

    public FluxKustomization this[string name] => Kustomizations.Single(k => k.Name == name);

    /// <summary>Every object every Kustomization applies (the root's own objects under "flux-system").</summary>
    public IEnumerable<TreeObject> Objects => Kustomizations.SelectMany(k => k.Build.Objects);

    /// <summary>The Flux Kustomizations as a graph of their dependsOn (names that do not exist are left out).</summary>
    public DependencyGraph<FluxKustomization> DependencyGraph()
    {
        var graph = new DependencyGraph<FluxKustomization>();
        foreach (var kustomization in Kustomizations)
        {
            graph.Add(kustomization.Name, kustomization);
        }

        foreach (var kustomization in Kustomizations)
        {
            foreach (var dependency in kustomization.DependsOn.Where(graph.Contains))
            {
                graph.AddDependency(kustomization.Name, dependency);
            }
        }

        return graph;
    }

    public static async Task<FluxTree> LoadAsync(string repositoryRoot)
    {
        var config = ClusterConfigLoader.Load(await File.ReadAllTextAsync(Path.Combine(repositoryRoot, "cluster.yaml")), "cluster.yaml");
        var rootPath = config.Config?.GitOps.Path.TrimEnd('/') ?? throw new InvalidOperationException("cluster.yaml has errors");
        var rootBuild = await BuildAsync(repositoryRoot, rootPath, "flux-system", variables: null);
        var settingsObject = rootBuild.Objects.FirstOrDefault(o => o.Kind == "ConfigMap" && o.Name == "cluster-settings");
        var settings = settingsObject?.Node.Entries("data").ToDictionary(e => e.Key.Value, e => e.Value is YamlScalar s ? s.Value : string.Empty, StringComparer.Ordinal)
            ?? new Dictionary<string, string>(StringComparer.Ordinal);

        var kustomizations = new List<FluxKustomization>();
        var pending = new Queue<TreeObject>(FluxKustomizationsIn(rootBuild));
        while (pending.TryDequeue(out var next))
        {
            if (kustomizations.Exists(k => k.Name == next.Name))
            {
                continue;
            }

            var path = (next.Node.Text("spec", "path") ?? string.Empty).TrimStart('.', '/').TrimEnd('/');
            var substitutes = next.Node.At("spec", "postBuild") is not null;
            var build = path == rootPath ? rootBuild : await BuildAsync(repositoryRoot, path, next.Name, substitutes ? settings : null);
            kustomizations.Add(new FluxKustomization(next.Name, path, next.Node, build));
            foreach (var nested in FluxKustomizationsIn(build))
            {
                pending.Enqueue(nested);
            }
        }

        return new FluxTree(rootPath, rootBuild, settings, kustomizations);
    }

    private static IEnumerable<TreeObject> FluxKustomizationsIn(KustomizeBuild build) =>
        build.Objects.Where(o => o.Kind == "Kustomization" && o.Group == "kustomize.toolkit.fluxcd.io");

    private static async Task<KustomizeBuild> BuildAsync(string repositoryRoot, string path, string kustomization, IReadOnlyDictionary<string, string>? variables)
    {
        var spec = new CommandSpec("kubectl", ["kustomize", path]) { WorkingDirectory = repositoryRoot, Timeout = TimeSpan.FromMinutes(1) };
        CommandResult result;
        try
        {
            result = await ProcessCommandRunner.Instance.RunAsync(spec, CancellationToken.None);
        }
        catch (ToolNotFoundException)
        {
            return Failed(path, "kubectl is not installed; the tree tests need 'kubectl kustomize' (scripts/install-test-dependencies.sh)");
        }

        if (!result.Succeeded)
        {
            return Failed(path, $"kubectl kustomize {path} failed: {result.ErrorSummary(10)}");
        }

        var text = result.StandardOutput;
        HashSet<string> used = [];
        HashSet<string> undefined = [];
        if (variables is not null)
        {
            (text, used, undefined) = Substitution.Apply(text, variables);
        }

        var diagnostics = new DiagnosticBag();
        var documents = YamlReader.ReadAll(text, path, diagnostics);
        if (diagnostics.HasErrors)
        {
            return Failed(path, $"the build of {path} is not valid YAML after substitution: {string.Join("; ", diagnostics.Items)}");
        }

        var objects = documents.OfType<YamlMapping>().Select(d => new TreeObject(kustomization, d)).ToList();
        return new KustomizeBuild(path, null, objects, used, undefined);
    }

    private static KustomizeBuild Failed(string path, string error) =>
        new(path, error, [], new HashSet<string>(), new HashSet<string>());
}
