using System.Collections.Concurrent;
using HomeOps.Core.Diagnostics;
using HomeOps.Core.GitOps.Build;
using HomeOps.Core.GitOps.Flux;
using HomeOps.Core.GitOps.Kustomize;
using HomeOps.Core.GitOps.Model;
using HomeOps.Core.Yaml;
using HomeOps.Runtime.Files;
using HomeOps.Runtime.Processes;
using HomeOps.Runtime.Tools;

namespace HomeOps.Operations.GitOps;

/// <summary>
/// Discovers and builds the tree the way Flux would: the entry folder first, then every Flux Kustomization its
/// output declares, wave by wave, each wave's builds in parallel (unchanged ones from the content-hash cache), with
/// post-build substitution and origins, and HelmRelease nodes for the renderer.
/// </summary>
public sealed class TreeBuilder(IFileSystem files, DiskSourceTree source, KustomizeTool kustomize, BuildCache cache, ValidateOptions options)
{
    private readonly SemaphoreSlim _gate = new(options.Parallelism ?? Math.Max(2, Environment.ProcessorCount + 1));
    private string _toolVersion = string.Empty;

    // Part of every build key: an in-process build is only as right as the HomeOps.Core that made it (deterministic
    // builds give the assembly a new id exactly when its code changes).
    private readonly string _builderVersion = options.InProcessKustomize ? typeof(KustomizeBuilder).Assembly.ManifestModule.ModuleVersionId.ToString() : string.Empty;

    /// <summary>YAML parsed by the last run, for the sources and the builds' output (null: parse everything).</summary>
    public YamlParseCache? Parsed { get; init; }

    public List<(string Variable, KubeObject Object)> Undefined { get; } = [];

    /// <summary>The Kustomizations the in-process build left to kustomize, and why (a feature it does not reproduce).</summary>
    public ConcurrentDictionary<string, string> ExternalBuilds { get; } = new(StringComparer.Ordinal);

    /// <summary>The Kustomizations built in-process (<see cref="KustomizeBuilder"/>), without starting kustomize.</summary>
    public ConcurrentDictionary<string, bool> InProcessBuilds { get; } = new(StringComparer.Ordinal);

    public async Task<GitOpsTree> BuildAsync(string entryPath, string? repositoryUrl, CancellationToken cancellationToken)
    {
        var ignore = SourceIgnore.Load(source);
        var tree = new GitOpsTree(entryPath, new SourceIndex(source, Parsed), ignore);
        if (!source.DirectoryExists(entryPath))
        {
            tree.BuildDiagnostics.Add(DiagnosticCatalog.FluxEntryMissing.At(SourceSpan.File(entryPath), entryPath));
            return tree;
        }

        if (kustomize.Program is null)
        {
            throw new ToolNotFoundException("kubectl");
        }

        // The version only keys the cache; without the cache, one process fewer.
        _toolVersion = options.UseCache ? await ToolVersionAsync(cancellationToken).ConfigureAwait(false) : kustomize.Program;
        var root = new KustomizationNode(SyntheticRoot(entryPath), parent: null);
        tree.Kustomizations.Add(root);
        var ownSources = new HashSet<string>(StringComparer.Ordinal) { "GitRepository/flux-system/flux-system" };
        var wave = new List<KustomizationNode> { root };
        while (wave.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            // Task.Run: collecting inputs, in-process builds and parsing the output are CPU work, spread over the cores
            // (the root's output is parsed after it is adopted: its real node names the objects' origin).
            var outputs = await Task.WhenAll(wave.Select(n => Task.Run(
                async () => await BuildOneAsync(tree, n, cancellationToken).ConfigureAwait(false) is { } built
                    ? (Text: built, Documents: n == root ? null : BuildOutput.Read(n, built, p => ResolveOrigin(n, p), tree.Sources))
                    : ((string Text, IReadOnlyList<OutputDocument>? Documents)?)null,
                cancellationToken))).ConfigureAwait(false);
            var next = new List<KustomizationNode>();
            for (var i = 0; i < wave.Count; i++)
            {
                var node = wave[i];
                if (outputs[i] is not var (output, documents))
                {
                    continue;
                }

                if (node == root)
                {
                    node = AdoptRealRoot(tree, root, output, ownSources, repositoryUrl);
                }

                var variables = node.Spec.PostBuild is null ? null : Variables.Resolve(node, tree.AllObjects.Concat(VariableSources(output, node)), tree.BuildDiagnostics);
                node.VariablesHash = variables is null ? null : BuildCache.Hash(variables.OrderBy(v => v.Key, StringComparer.Ordinal).SelectMany(v => new[] { v.Key, v.Value }));
                documents ??= BuildOutput.Read(node, output, p => ResolveOrigin(node, p), tree.Sources);
                BuildOutput.Populate(node, documents, variables, options.StrictSubstitution, tree.Sources, tree.BuildDiagnostics, Undefined);
                node.Built = true;
                Discover(tree, node, ownSources, repositoryUrl, next);
            }
            wave = next;
        }

        return tree;
    }

    /// <summary>
    /// The kustomize version (part of every build key), remembered per binary: asking kubectl costs more than a
    /// cached build of a whole Kustomization.
    /// </summary>
    private async Task<string> ToolVersionAsync(CancellationToken cancellationToken)
    {
        var path = ToolLocator.Find(kustomize.Program!, files);
        var identity = path is null ? null : BuildCache.Hash(["tool-version", path, files.LastWriteTimeUtc(path).Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture), files.FileSize(path).ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        if (identity is not null && cache.Get("tools", identity) is { Length: > 0 } known)
        {
            return known;
        }

        var version = await kustomize.VersionAsync(cancellationToken).ConfigureAwait(false);
        if (identity is not null)
        {
            cache.Put("tools", identity, version);
        }

        return version;
    }

    private async Task<string?> BuildOneAsync(GitOpsTree tree, KustomizationNode node, CancellationToken cancellationToken)
    {
        node.Inputs = KustomizeInputs.Collect(source, node.Spec, tree.Ignore);
        var overlayDir = OverlayDirectory(node);
        var toRoot = Path.GetRelativePath(overlayDir, source.Root).Replace('\\', '/');
        var portableOverlay = Overlay.Write(node.Spec, node.Inputs, KustomizeBuilder.RootPrefix);
        node.InputHash = BuildCache.Hash([_toolVersion, _builderVersion, portableOverlay,
            .. node.Inputs.Files.SelectMany(f => new[] { f, source.ReadText(f) ?? string.Empty })]);
        if (options.BuildFilter is { } filter && !filter(node))
        {
            node.SkipReason = "unchanged";
            return null;
        }

        if (Overlay.IsEmpty(node.Inputs))
        {
            return string.Empty;
        }

        if (cache.Get("builds", node.InputHash) is { } cached)
        {
            node.FromCache = true;
            return cached;
        }

        if (options.Offline && node.Inputs.RemoteResources.Count > 0)
        {
            node.SkipReason = $"remote resource {node.Inputs.RemoteResources[0]} not fetched offline";
            var at = node.Parent is null ? SourceSpan.File(KustomizeInputs.KustomizationFile(source, node.Spec.Path) ?? node.Spec.Path) : node.Spec.Object.Origin.Locate("spec", "path");
            tree.BuildDiagnostics.Add(DiagnosticCatalog.RemoteResourceNotFetched.At(at, node.Id, node.Inputs.RemoteResources[0]));
            return null;
        }

        if (options.InProcessKustomize)
        {
            // The same bytes kustomize prints for the overlay, with paths already in their portable form.
            var built = KustomizeBuilder.Build(source, portableOverlay);
            if (built.Output is { } output)
            {
                InProcessBuilds[node.Id] = true;
                cache.Put("builds", node.InputHash, output);
                return output;
            }

            ExternalBuilds[node.Id] = built.Unsupported ?? string.Empty;
        }

        var overlay = Overlay.Write(node.Spec, node.Inputs, toRoot);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            files.WriteAllTextAtomic(Path.Combine(overlayDir, "kustomization.yaml"), overlay);
            var result = await kustomize.BuildAsync(overlayDir, cancellationToken).ConfigureAwait(false);
            if (!result.Succeeded)
            {
                var error = CleanError(result.ErrorSummary(3), overlayDir, toRoot);
                var at = MalformedInput(node.Inputs, error)
                    ?? (node.Parent is null ? SourceSpan.File(KustomizeInputs.KustomizationFile(source, node.Spec.Path) ?? node.Spec.Path) : node.Spec.Object.Origin.Locate("spec", "path"));
                tree.BuildDiagnostics.Add(DiagnosticCatalog.KustomizeBuildFailed.At(at, node.Id, node.Spec.Path, error));
                return null;
            }

            var portable = result.StandardOutput.Replace(toRoot + "/", "__ROOT__/", StringComparison.Ordinal);
            cache.Put("builds", node.InputHash, portable);
            return portable;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Where a YAML error that kustomize names is: the input file whose name its message mentions and that does not
    /// parse, at the line and column the parser stopped (kustomize gives only the file, and go-yaml's line is not
    /// always the line of the mistake). Null when no such file is found (the build failed for another reason).
    /// </summary>
    private SourceSpan? MalformedInput(BuildInputs inputs, string error)
    {
        if (!error.Contains("yaml", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        foreach (var file in inputs.Files.Where(f => RepoPath.IsYaml(f) && error.Contains(RepoPath.FileName(f), StringComparison.Ordinal)))
        {
            var bag = new DiagnosticBag();
            if (source.ReadText(file) is { } text && YamlReader.ReadAll(text, file, bag) is not null && bag.Items.FirstOrDefault(d => d.IsError) is { } parse)
            {
                return parse.Location;
            }
        }

        return null;
    }

    private static string? ResolveOrigin(KustomizationNode node, string annotationPath) =>
        annotationPath.StartsWith("__ROOT__/", StringComparison.Ordinal) ? annotationPath["__ROOT__/".Length..] : null;

    private string OverlayDirectory(KustomizationNode node) =>
        Path.Combine(cache.Directory, "overlays", BuildCache.Hash([source.Root, node.Id])[..24]);

    /// <summary>The entry folder's own Flux Kustomization (path == entry) replaces the synthetic root when the tree has one.</summary>
    private static KustomizationNode AdoptRealRoot(GitOpsTree tree, KustomizationNode root, string output, HashSet<string> ownSources, string? repositoryUrl)
    {
        foreach (var obj in RawObjects(output, root))
        {
            if (obj.Group == FluxKinds.KustomizeGroup && obj.Kind == "Kustomization"
                && FluxKustomization.NormalizePath(obj.Root.Str("spec", "path")) == root.Spec.Path)
            {
                var spec = FluxKustomization.FromObject(obj);
                var real = new KustomizationNode(spec, parent: null) { Inputs = root.Inputs, InputHash = root.InputHash, FromCache = root.FromCache };
                tree.Kustomizations[0] = real;
                if (spec.SourceRef is { } s)
                {
                    ownSources.Add(s.ToString());
                }

                return real;
            }
        }

        return root;
    }

    private void Discover(GitOpsTree tree, KustomizationNode node, HashSet<string> ownSources, string? repositoryUrl, List<KustomizationNode> next)
    {
        foreach (var repo in node.Objects.Where(o => o.Group == FluxKinds.SourceGroup && o.Kind == "GitRepository"))
        {
            if (repositoryUrl is not null && SameRepository(repo.Root.Str("spec", "url"), repositoryUrl))
            {
                ownSources.Add($"GitRepository/{repo.Namespace}/{repo.Name}");
            }
        }

        foreach (var hr in node.Objects.Where(o => o.Group == FluxKinds.HelmGroup && o.Kind == "HelmRelease"))
        {
            node.Releases.Add(new ReleaseNode(HelmReleaseSpec.FromObject(hr)));
        }

        foreach (var obj in node.Objects.Where(o => o.Group == FluxKinds.KustomizeGroup && o.Kind == "Kustomization"))
        {
            var spec = FluxKustomization.FromObject(obj);
            if (tree.Find(spec.Id) is not null || (spec.Path == tree.EntryPath && node.Parent is null))
            {
                continue;
            }

            var child = new KustomizationNode(spec, node.Id);
            tree.Kustomizations.Add(child);
            if (spec.SourceRef is null || !ownSources.Contains(spec.SourceRef.ToString()))
            {
                child.SkipReason = $"{spec.SourceRef?.ToString() ?? "no sourceRef"}";
                tree.BuildDiagnostics.Add(DiagnosticCatalog.ExternalSourceSkipped.At(obj.Origin.Locate("spec", "sourceRef"), spec.Id, child.SkipReason));
            }
            else if (!source.DirectoryExists(spec.Path))
            {
                child.SkipReason = "path missing";
                tree.BuildDiagnostics.Add(DiagnosticCatalog.KustomizationPathMissing.At(obj.Origin.Locate("spec", "path"), spec.Id, spec.Path));
            }
            else if (spec.Suspend)
            {
                // A suspended Kustomization still owns its files: they are not dead, just paused.
                child.SkipReason = "suspended";
                child.Inputs = KustomizeInputs.Collect(source, spec, tree.Ignore);
            }
            else
            {
                next.Add(child);
            }
        }
    }

    /// <summary>Objects of a build output before substitution, used to find the root and substituteFrom sources.</summary>
    private static IEnumerable<KubeObject> RawObjects(string output, KustomizationNode node) => RawObjects(output, node, _ => true);

    /// <summary>
    /// The objects of the output that may define postBuild variables: ConfigMaps, Secrets and ExternalSecrets (what
    /// <see cref="Variables.Resolve"/> looks up); other documents are not parsed.
    /// </summary>
    private static IEnumerable<KubeObject> VariableSources(string output, KustomizationNode node) =>
        RawObjects(output, node, doc => doc.Contains("ConfigMap", StringComparison.Ordinal) || doc.Contains("Secret", StringComparison.Ordinal));

    private static IEnumerable<KubeObject> RawObjects(string output, KustomizationNode node, Func<string, bool> mayMatter)
    {
        foreach (var doc in BuildOutput.SplitDocuments(output).Where(mayMatter))
        {
            if (YamlReader.ReadAll(doc, node.Spec.Path, new DiagnosticBag()).FirstOrDefault() is YamlMapping m)
            {
                yield return new KubeObject(m, new ObjectOrigin(node.Id, node.Spec.Path, 1));
            }
        }
    }

    private static bool SameRepository(string? a, string b)
    {
        static string Norm(string url) => url.Trim().TrimEnd('/').Replace("ssh://git@", "https://", StringComparison.Ordinal)
            .Replace("git@github.com:", "https://github.com/", StringComparison.Ordinal).Replace(".git", string.Empty, StringComparison.Ordinal).ToLowerInvariant();
        return a is not null && Norm(a) == Norm(b);
    }

    private static string CleanError(string error, string overlayDir, string toRoot) =>
        System.Text.RegularExpressions.Regex.Replace(error, @"^E\d{4} [\d:.]+\s+\d+ \S+\] ""command failed"" err=""(.*)""$", "$1").Replace(overlayDir + "/", string.Empty, StringComparison.Ordinal).Replace(toRoot + "/", string.Empty, StringComparison.Ordinal)
            .Replace("__ROOT__/", string.Empty, StringComparison.Ordinal);

    private static FluxKustomization SyntheticRoot(string entryPath)
    {
        var text = $"apiVersion: {FluxKinds.KustomizeGroup}/v1\nkind: Kustomization\nmetadata:\n  name: flux-system\n  namespace: flux-system\n" +
                   $"spec:\n  path: ./{entryPath}\n  prune: true\n  interval: 10m\n  sourceRef:\n    kind: GitRepository\n    name: flux-system\n";
        var node = (YamlMapping)YamlReader.ReadAll(text, entryPath, new DiagnosticBag())[0];
        return FluxKustomization.FromObject(new KubeObject(node, new ObjectOrigin("flux-system/flux-system", entryPath, 1)));
    }
}
