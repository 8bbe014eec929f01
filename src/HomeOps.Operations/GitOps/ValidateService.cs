using HomeOps.Core.ClusterConfig;
using HomeOps.Core.Diagnostics;
using HomeOps.Core.GitOps.Build;
using HomeOps.Core.GitOps.Model;
using HomeOps.Core.GitOps.Rules;
using HomeOps.Core.GitOps.Schemas;
using HomeOps.Core.Yaml;
using HomeOps.Operations.Config;
using HomeOps.Runtime.Files;
using HomeOps.Runtime.Processes;
using HomeOps.Runtime.Tools;

namespace HomeOps.Operations.GitOps;

/// <summary>
/// `homeops validate`: builds the whole tree offline (kustomize, substitution, Helm), checks every object against
/// its schema and runs every rule, then applies the severity overrides of .homeops.yaml.
/// </summary>
public sealed class ValidateService(ICommandRunner runner, TimeProvider time)
{
    public async Task<ValidateResult> RunAsync(Workspace workspace, ValidateOptions options, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var diagnostics = new List<Diagnostic>();
        var cluster = workspace.Files.FileExists(workspace.ClusterFile) ? ClusterConfigService.Load(workspace).Config : null;
        var settings = LoadSettings(workspace, diagnostics);
        var entry = RepoPath.Normalize(options.EntryPath ?? cluster?.GitOps.Path ?? (cluster is null ? "clusters" : $"clusters/{cluster.Cluster.Name}"));
        var kubeVersion = options.KubernetesVersion ?? cluster?.Cluster.KubernetesVersion;
        var source = new DiskSourceTree(workspace.Files, workspace.Root);
        var cache = new BuildCache(workspace.Files, options.CacheDirectory ?? UserCache.Directory(), options.UseCache);
        var kustomize = new KustomizeTool(runner);
        if (kustomize.Program is null)
        {
            diagnostics.Add(DiagnosticCatalog.ToolNotFound.At(SourceSpan.File(entry), "kubectl (or kustomize)", "to build the Flux Kustomizations"));
            return new ValidateResult(diagnostics, null, time.GetElapsedTime(started));
        }
        var builder = new TreeBuilder(workspace.Files, source, kustomize, cache, options);
        var tree = await builder.BuildAsync(entry, cluster?.GitOps.Repository, cancellationToken).ConfigureAwait(false);
        var ownSources = tree.Kustomizations.Select(k => k.Spec.SourceRef?.ToString()).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var builtin = LoadBuiltin(kubeVersion);
        await new HelmRenderer(workspace.Files, source, new HelmTool(runner), kustomize, cache, options, kubeVersion, builtin)
            .RenderAsync(tree, ownSources, cancellationToken).ConfigureAwait(false);
        diagnostics.AddRange(tree.BuildDiagnostics.Items);

        if (!options.RenderOnly)
        {
            var schemas = LoadSchemas(workspace, tree, builtin, kubeVersion, [.. settings.SchemaDirectories, .. options.SchemaDirectories], diagnostics);
            var tracked = await TrackedFilesAsync(workspace, source, cancellationToken).ConfigureAwait(false);
            var context = new RuleContext(tree, schemas, cluster, settings, tracked) { UndefinedVariables = builder.Undefined };
            diagnostics.AddRange(GitOpsRules.Run(context));
        }

        var shown = settings.Apply(diagnostics.Select(d => d with { Location = d.Location with { Path = Display(workspace, d.Location.Path) } }));
        return new ValidateResult(DiagnosticBag.Sort(shown), tree, time.GetElapsedTime(started));
    }

    public static ValidateSettings LoadSettings(Workspace workspace, List<Diagnostic> diagnostics)
    {
        var path = workspace.PathOf(ValidateSettings.FileName);
        if (!workspace.Files.FileExists(path))
        {
            return new ValidateSettings();
        }

        var bag = new DiagnosticBag();
        var text = TextFileReader.Read(workspace.Files, path, ValidateSettings.FileName, bag, maxBytes: 1024 * 1024);
        var settings = text is null ? new ValidateSettings() : ValidateSettings.Parse(text, ValidateSettings.FileName, bag);
        diagnostics.AddRange(bag.Items);
        return settings;
    }

    private static string? Minor(string? kubeVersion) => kubeVersion is null ? null : string.Join('.', kubeVersion.TrimStart('v').Split('.').Take(2));

    private static BuiltinSchemas? LoadBuiltin(string? kubeVersion) =>
        (Minor(kubeVersion) is { } minor ? BuiltinSchemas.Load(minor) : null) ?? BuiltinSchemas.Load(BuiltinSchemas.Available[^1]);

    private static SchemaRegistry LoadSchemas(Workspace workspace, GitOpsTree tree, BuiltinSchemas? builtin, string? kubeVersion, IEnumerable<string> directories, List<Diagnostic> diagnostics)
    {
        var minor = Minor(kubeVersion);
        if (minor is not null && builtin is not null && builtin.KubernetesVersion != minor)
        {
            diagnostics.Add(DiagnosticCatalog.BuiltinSchemasUnavailable.At(SourceSpan.File(workspace.Display(workspace.ClusterFile)), minor, builtin.KubernetesVersion));
        }

        var registry = new SchemaRegistry(builtin);
        foreach (var crd in tree.AllObjects.Where(o => o.Kind == "CustomResourceDefinition"))
        {
            registry.AddCrd(crd.Root, crd.Origin.File);
        }

        foreach (var dir in directories)
        {
            var full = Path.GetFullPath(dir, workspace.Root);
            if (!workspace.Files.DirectoryExists(full))
            {
                diagnostics.Add(DiagnosticCatalog.FileNotFound.At(SourceSpan.File(dir), dir));
                continue;
            }

            foreach (var file in workspace.Files.EnumerateFiles(full, "*", recursive: true).Where(f => RepoPath.IsYaml(f)).Order(StringComparer.Ordinal))
            {
                CrdFiles.Register(registry, workspace.Files.ReadAllText(file), file);
            }
        }

        return registry;
    }

    private async Task<IReadOnlyList<string>> TrackedFilesAsync(Workspace workspace, DiskSourceTree source, CancellationToken cancellationToken)
    {
        if (workspace.Files.DirectoryExists(Path.Combine(workspace.Root, ".git")) || workspace.Files.FileExists(Path.Combine(workspace.Root, ".git")))
        {
            try
            {
                if (await new GitTool(runner).ListFilesAsync(workspace.Root, cancellationToken).ConfigureAwait(false) is { } listed)
                {
                    return [.. listed.Where(f => workspace.Files.FileExists(Path.Combine(workspace.Root, f)))];
                }
            }
            catch (ToolNotFoundException)
            {
                // Without git, every file below the root counts as tracked.
            }
        }

        return source.AllFiles();
    }

    private static string Display(Workspace workspace, string path) =>
        Path.IsPathRooted(path) ? workspace.Display(path) : workspace.Display(Path.Combine(workspace.Root, path));
}
