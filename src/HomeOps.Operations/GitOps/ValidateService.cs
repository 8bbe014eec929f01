using HomeOps.Core.ClusterConfig;
using HomeOps.Core.Diagnostics;
using HomeOps.Core.GitOps.Build;
using HomeOps.Core.GitOps.Model;
using HomeOps.Core.GitOps.Rules;
using HomeOps.Core.Schema;
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
    /// <summary>When set, each phase of the run is timed into it (`validate --timings`).</summary>
    public PhaseTimings? Timings { get; init; }

    /// <summary>
    /// Starts what a run needs before it knows whether its result is cached: the listing of the repository's files
    /// (git processes, mostly waiting) and, beside it on another core, the settings (cluster.yaml, .homeops.yaml,
    /// built-in schemas) and the schema verdicts of the last run. For callers that expect a miss (files changed since
    /// the base): a run whose result is cached does not use the second and third, and plain `validate` does not
    /// start them, so that its cached answer pays for no unused work.
    /// </summary>
    public ValidateHeadStart Start(Workspace workspace, ValidateOptions options, CancellationToken cancellationToken) => new(
        TrackedFilesAsync(workspace, cancellationToken),
        Beside(() => ReadSettings(workspace, options), cancellationToken),
        options.UseCache && !options.RenderOnly
            ? Beside(() => new SchemaVerdictStore(Cache(workspace, options), workspace.Root).Load(), cancellationToken)
            : null,
        options.UseCache ? Beside(() => new ParsedYamlStore(Cache(workspace, options), workspace.Root).Load(), cancellationToken) : null);

    /// <summary>
    /// CPU work started beside waiting for processes, on a thread of its own: on the thread pool of a 2-core machine
    /// it would hold the threads that the processes' ends are reported on, and the waiting would grow by its length.
    /// </summary>
    private static Task<T> Beside<T>(Func<T> work, CancellationToken cancellationToken) =>
        Task.Factory.StartNew(work, cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    /// <param name="headStart">What <see cref="Start"/> began, when the caller started it already (null: started here).</param>
    public async Task<ValidateResult> RunAsync(Workspace workspace, ValidateOptions options, CancellationToken cancellationToken, ValidateHeadStart? headStart = null)
    {
        var started = time.GetTimestamp();
        IReadOnlyList<string>? tracked = null;
        ValidateResultCache? results = null;
        string? key = null;
        if (options.ResultCache && options.UseCache && !options.RenderOnly && options.BuildFilter is null)
        {
            tracked = await (headStart?.TrackedFiles ?? TrackedFilesAsync(workspace, cancellationToken)).ConfigureAwait(false);
            Timings?.Mark("tracked files (git ls-files)");
            results = new ValidateResultCache(workspace.Files, Cache(workspace, options));
            key = results.Key(workspace, options, tracked, MirrorSetting(options));
            Timings?.Mark("result cache key", $"{tracked.Count} tracked files, {results.ReusedHashes} file hashes reused");
            if (results.Get(key, time.GetElapsedTime(started)) is { } cached)
            {
                Timings?.Mark("result cache read", "hit");
                return cached;
            }

            Timings?.Mark("result cache read", "miss");
        }

        var settings = headStart is null ? ReadSettings(workspace, options) : await headStart.Settings.ConfigureAwait(false);
        var parsedStore = new ParsedYamlStore(Cache(workspace, options), workspace.Root);
        var parsed = headStart?.Parsed is { } loading ? await loading.ConfigureAwait(false) : options.UseCache ? parsedStore.Load() : null;
        var rendered = await RenderAsync(workspace, options, settings, parsed, renderReleases: null, cancellationToken).ConfigureAwait(false);
        var diagnostics = rendered.Diagnostics;
        if (rendered.Tree is { } tree && !options.RenderOnly)
        {
            var crdIndex = results?.Fingerprints is { } prints ? (prints, Cache(workspace, options)) : ((FileFingerprints, BuildCache)?)null;
            var schemas = LoadSchemas(workspace, tree, rendered.Builtin, [.. rendered.Settings.SchemaDirectories, .. options.SchemaDirectories], crdIndex, diagnostics);
            Timings?.Mark("schemas (CRDs of the tree and --schemas)");
            tracked ??= await (headStart?.TrackedFiles ?? TrackedFilesAsync(workspace, cancellationToken)).ConfigureAwait(false);
            var cache = options.UseCache ? Cache(workspace, options) : null;
            var verdicts = cache is null ? null : new SchemaVerdictStore(cache, workspace.Root);
            var clean = cache is null || results?.Fingerprints is null ? null : new CleanFilesStore(cache, workspace.Root);
            var context = new RuleContext(tree, schemas, rendered.Cluster, rendered.Settings, tracked)
            {
                UndefinedVariables = rendered.Undefined,
                SchemaVerdicts = (headStart?.Verdicts is { } stored ? await stored.ConfigureAwait(false) : verdicts?.Load()) ?? new(),
                CleanFiles = clean?.Load(results!.Fingerprints!) ?? new(),
            };
            Timings?.Mark("rule context (graph, what the last run judged)");
            diagnostics.AddRange(Timings is null ? GitOpsRules.Run(context) : TimedRules(context));
            verdicts?.Save(context.SchemaVerdicts);
            clean?.Save(context.CleanFiles, results!.Fingerprints!);
        }

        if (parsed is not null)
        {
            // After the rules: some of them read the tree's files through the same cache.
            parsedStore.Save(parsed);
            Timings?.Mark("parsed YAML kept", $"{parsed.Reused} texts read back, not parsed");
        }

        var shown = rendered.Settings.Apply(diagnostics.Select(d => d with { Location = d.Location with { Path = Display(workspace, d.Location.Path) } }));
        var result = new ValidateResult(DiagnosticBag.Sort(shown), rendered.Tree, time.GetElapsedTime(started))
        {
            Feeds = rendered.Tree is null ? null : KustomizationFeed.Of(rendered.Tree),
        };
        if (results is not null && key is not null)
        {
            results.Put(key, result);
            Timings?.Mark("result cache write");
        }

        return result;
    }

    /// <summary>
    /// Builds the tree and renders its HelmReleases (only those of Kustomizations <paramref name="renderReleases"/>
    /// accepts, when given), without running the rules: the shared first half of validate, diff and graph.
    /// </summary>
    public Task<RenderedTree> RenderAsync(Workspace workspace, ValidateOptions options, Func<KustomizationNode, bool>? renderReleases, CancellationToken cancellationToken) =>
        RenderAsync(workspace, options, ReadSettings(workspace, options), parsed: null, renderReleases, cancellationToken);

    /// <summary>What a run reads before it builds: cluster.yaml, .homeops.yaml, the Kubernetes version and its built-in schemas.</summary>
    private static TreeSettings ReadSettings(Workspace workspace, ValidateOptions options)
    {
        var diagnostics = new List<Diagnostic>();
        var cluster = workspace.Files.FileExists(workspace.ClusterFile) ? ClusterConfigService.Load(workspace).Config : null;
        var settings = LoadSettings(workspace, diagnostics);
        var entry = RepoPath.Normalize(options.EntryPath ?? cluster?.GitOps.Path ?? (cluster is null ? "clusters" : $"clusters/{cluster.Cluster.Name}"));
        var source = new DiskSourceTree(workspace.Files, workspace.Root);
        var kubeVersion = KubernetesVersion(workspace, options, cluster, entry, source, diagnostics);
        var builtin = LoadBuiltin(kubeVersion.Version, kubeVersion.At, diagnostics);
        return new TreeSettings(cluster, settings, entry, kubeVersion.Version, builtin, diagnostics, source);
    }

    /// <param name="parsed">YAML parsed by the last run (null: parse everything).</param>
    private async Task<RenderedTree> RenderAsync(
        Workspace workspace, ValidateOptions options, TreeSettings read, YamlParseCache? parsed, Func<KustomizationNode, bool>? renderReleases, CancellationToken cancellationToken)
    {
        var (cluster, settings, entry, kubernetesVersion, builtin, readDiagnostics, source) = read;
        var diagnostics = new List<Diagnostic>(readDiagnostics);
        Timings?.Mark("cluster.yaml, settings, Kubernetes version, built-in schemas");
        var cache = new BuildCache(workspace.Files, options.CacheDirectory ?? UserCache.Directory(), options.UseCache);
        var kustomize = new KustomizeTool(runner);
        if (kustomize.Program is null)
        {
            diagnostics.Add(DiagnosticCatalog.ToolNotFound.At(SourceSpan.File(entry), "kubectl (or kustomize)", "to build the Flux Kustomizations"));
            return new RenderedTree(null, diagnostics, cluster, settings, [], builtin, kubernetesVersion);
        }

        var builder = new TreeBuilder(workspace.Files, source, kustomize, cache, options) { Parsed = parsed };
        var tree = await builder.BuildAsync(entry, cluster?.GitOps.Repository, cancellationToken).ConfigureAwait(false);
        Timings?.Mark("Flux Kustomizations built", $"{builder.InProcessBuilds.Count} in-process, {builder.ExternalBuilds.Count} by kustomize, {tree.Kustomizations.Count(k => k.FromCache)} from cache"
            + string.Concat(builder.ExternalBuilds.GroupBy(b => b.Value).OrderByDescending(g => g.Count()).Select(g => $"; kustomize for {g.Key}: {string.Join(", ", g.Select(b => b.Key).Order(StringComparer.Ordinal))}")));
        var ownSources = tree.Kustomizations.Select(k => k.Spec.SourceRef?.ToString()).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var mirror = OpenMirror(workspace, options, diagnostics);
        await new HelmRenderer(workspace.Files, source, new Helm(runner), kustomize, cache, options, kubernetesVersion, builtin, mirror)
            .RenderAsync(tree, ownSources, renderReleases, cancellationToken).ConfigureAwait(false);
        Timings?.Mark("HelmReleases rendered", $"{tree.Kustomizations.SelectMany(k => k.Releases).Count(r => r.Rendered)} rendered");
        diagnostics.AddRange(tree.BuildDiagnostics.Items);
        return new RenderedTree(tree, diagnostics, cluster, settings, builder.Undefined, builtin, kubernetesVersion);
    }

    /// <summary>Renders the HelmReleases of an already built tree (those of Kustomizations <paramref name="include"/> accepts).</summary>
    public async Task RenderReleasesAsync(Workspace workspace, ValidateOptions options, RenderedTree rendered, Func<KustomizationNode, bool> include, CancellationToken cancellationToken)
    {
        var tree = rendered.Tree!;
        var before = tree.BuildDiagnostics.Count;
        var source = new DiskSourceTree(workspace.Files, workspace.Root);
        var cache = new BuildCache(workspace.Files, options.CacheDirectory ?? UserCache.Directory(), options.UseCache);
        var ownSources = tree.Kustomizations.Select(k => k.Spec.SourceRef?.ToString()).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var mirror = OpenMirror(workspace, options, []); // RenderAsync has reported an unusable mirror already
        await new HelmRenderer(workspace.Files, source, new Helm(runner), new KustomizeTool(runner), cache, options, rendered.KubernetesVersion, rendered.Builtin, mirror)
            .RenderAsync(tree, ownSources, include, cancellationToken).ConfigureAwait(false);
        rendered.Diagnostics.AddRange(tree.BuildDiagnostics.Items.Skip(before));
    }

    /// <summary>
    /// <see cref="GitOpsRules.Run"/> rule by rule (the same rules in the same order), each timed, the slowest named
    /// in the phase's note.
    /// </summary>
    private List<Diagnostic> TimedRules(RuleContext context)
    {
        var found = new List<Diagnostic>();
        var spent = new List<(string Rule, TimeSpan Elapsed)>();
        var phase = time.GetTimestamp();
        foreach (var rule in GitOpsRules.All)
        {
            var started = time.GetTimestamp();
            found.AddRange(rule.Check(context));
            spent.Add((rule.GetType().Name, time.GetElapsedTime(started)));
        }

        var slowest = string.Join(", ", spent.OrderByDescending(s => s.Elapsed).Take(4).Select(s => $"{s.Rule} {s.Elapsed.TotalMilliseconds:0} ms"));
        Timings!.Mark("rules", $"{GitOpsRules.All.Count} rules over {context.Tree.AllObjects.Count()} objects; slowest: {slowest}");
        return found;
    }

    private static BuildCache Cache(Workspace workspace, ValidateOptions options) =>
        new(workspace.Files, options.CacheDirectory ?? UserCache.Directory(), enabled: true);

    /// <summary>The chart mirror of --chart-mirror, else of HOMEOPS_CHART_MIRROR; relative paths from the working directory.</summary>
    private static string? MirrorSetting(ValidateOptions options) =>
        (options.ChartMirror ?? Environment.GetEnvironmentVariable(ChartMirror.EnvironmentVariable)) is { Length: > 0 } setting ? setting : null;

    private static ChartMirror? OpenMirror(Workspace workspace, ValidateOptions options, List<Diagnostic> diagnostics) =>
        MirrorSetting(options) is { } setting
            ? ChartMirror.Open(workspace.Files, setting, workspace.DisplayBase, diagnostics)
            : null;

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

    /// <summary>
    /// The cluster's Kubernetes version: --kubernetes-version, else cluster.yaml, else what the tree's Talos
    /// configuration pins (said in an info line), else unknown (also said).
    /// </summary>
    private static (string? Version, SourceSpan At) KubernetesVersion(Workspace workspace, ValidateOptions options, ClusterDefinition? cluster, string entry, DiskSourceTree source, List<Diagnostic> diagnostics)
    {
        if (options.KubernetesVersion is { } given)
        {
            return (given, SourceSpan.File(entry));
        }

        if (cluster is not null)
        {
            return (cluster.Cluster.KubernetesVersion, SourceSpan.File(workspace.Display(workspace.ClusterFile)));
        }

        if (ClusterKubernetesVersion.Detect(source, source.AllFiles(), entry) is { } found)
        {
            diagnostics.Add(DiagnosticCatalog.KubernetesVersionFromTree.At(found.At, Minor(found.Version)!, found.Evidence));
            return (found.Version, found.At);
        }

        diagnostics.Add(DiagnosticCatalog.KubernetesVersionUnknown.At(SourceSpan.File(entry), BuiltinSchemas.Available[^1]));
        return (null, SourceSpan.File(entry));
    }

    private static BuiltinSchemas LoadBuiltin(string? kubeVersion, SourceSpan at, List<Diagnostic> diagnostics)
    {
        var minor = Minor(kubeVersion);
        var builtin = BuiltinSchemas.Nearest(minor);
        if (minor is not null && builtin.KubernetesVersion != minor)
        {
            diagnostics.Add(DiagnosticCatalog.BuiltinSchemasUnavailable.At(at, minor, builtin.KubernetesVersion));
        }

        return builtin;
    }

    /// <param name="crdIndex">The content hashes of this run and the cache that remembers what each schema file holds; null to read them all.</param>
    private static SchemaRegistry LoadSchemas(Workspace workspace, GitOpsTree tree, BuiltinSchemas? builtin, IEnumerable<string> directories, (FileFingerprints Prints, BuildCache Cache)? crdIndex, List<Diagnostic> diagnostics)
    {
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
                diagnostics.Add(DiagnosticCatalog.SchemaFolderNotFound.At(SourceSpan.File(dir), dir));
                continue;
            }

            foreach (var file in workspace.Files.EnumerateFiles(full, "*", recursive: true).Where(f => RepoPath.IsYaml(f)).Order(StringComparer.Ordinal))
            {
                CrdFiles.Register(registry, workspace.Files, file, crdIndex?.Prints.Known(file), crdIndex?.Cache);
            }
        }

        return registry;
    }

    /// <summary>The files of the repository (git's tracked and untracked-but-not-ignored ones, or the .gitignore's view without git).</summary>
    public async Task<IReadOnlyList<string>> TrackedFilesAsync(Workspace workspace, CancellationToken cancellationToken)
    {
        var source = new DiskSourceTree(workspace.Files, workspace.Root);
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
                // Without git, the files .gitignore does not exclude count as tracked (below).
            }
        }

        // No git (a copied or downloaded checkout): every file below the root that the root .gitignore would leave
        // tracked, so generated credentials (talos/generated, .homeops) are not reported as committed.
        var gitignore = source.ReadText(".gitignore") is { } text ? Core.GitOps.Build.SourceIgnore.FromGitignore(text) : null;
        return gitignore is null ? source.AllFiles() : [.. source.AllFiles().Where(f => !gitignore.IsIgnored(f))];
    }

    public static string Display(Workspace workspace, string path) =>
        Path.IsPathRooted(path) ? workspace.Display(path) : workspace.Display(Path.Combine(workspace.Root, path));
}
