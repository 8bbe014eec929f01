using HomeOps.Core.Diagnostics;
using HomeOps.Core.GitOps.Build;
using HomeOps.Core.GitOps.Flux;
using HomeOps.Core.GitOps.Model;
using HomeOps.Core.Schema;
using HomeOps.Core.Yaml;
using HomeOps.Runtime.Files;
using HomeOps.Runtime.Tools;

namespace HomeOps.Operations.GitOps;

/// <summary>
/// Renders HelmReleases with <c>helm template</c>: resolves the chart (HelmRepository over HTTP or OCI, OCIRepository,
/// a chart folder in this repository, or a HelmChart), takes it from the chart mirror when one is set, else pulls it
/// once per version into the cache folder, merges values, applies kustomize post-renderers, and attaches the rendered
/// objects to the release.
/// </summary>
public sealed class HelmRenderer(IFileSystem files, DiskSourceTree source, Helm helm, KustomizeTool kustomize, BuildCache cache, ValidateOptions options, string? kubeVersion, BuiltinSchemas? builtin, ChartMirror? mirror = null)
{
    private const string HelmMissing = "helm is not installed";
    private const string NotCachedOffline = "--offline and the chart is not in the cache";

    private const string ValuesRefused = "its values fail the chart's values.schema.json";

    /// <summary>How helm 3 starts the error for values that fail a chart's values.schema.json.</summary>
    private const string SchemaFailure = "values don't meet the specifications of the schema";

    private readonly SemaphoreSlim _gate = new(options.Parallelism ?? Math.Max(2, Environment.ProcessorCount));

    public async Task RenderAsync(GitOpsTree tree, HashSet<string> ownSources, Func<KustomizationNode, bool>? include, CancellationToken cancellationToken)
    {
        var releases = tree.Kustomizations.Where(k => k.Built && (include is null || include(k))).SelectMany(k => k.Releases.Select(r => (k, r))).ToList();
        if (releases.Count == 0)
        {
            return;
        }

        var objects = tree.AllObjects.ToList();
        if (!helm.Available)
        {
            foreach (var (_, r) in releases)
            {
                r.SkipReason = HelmMissing;
            }
        }
        else
        {
            await Task.WhenAll(releases.Select(x => RenderOneAsync(tree, x.k, x.r, objects, ownSources, cancellationToken))).ConfigureAwait(false);
        }

        var skipped = releases.Where(x => !x.r.Rendered).ToList();
        if (skipped.Count > 0)
        {
            var reasons = string.Join("; ", skipped.GroupBy(x => x.r.SkipReason ?? "not rendered").Select(g => $"{g.Key} ({g.Count()})"));
            var first = skipped[0].r.Spec.Object.Origin;
            tree.BuildDiagnostics.Add(DiagnosticCatalog.HelmRenderingSkipped.At(first.Span, skipped.Count, reasons, Hint(skipped.Select(x => x.r.SkipReason))));
        }
    }

    /// <summary>What would render the skipped releases; "drop --offline" only when --offline is what stopped them.</summary>
    private string Hint(IEnumerable<string?> reasons)
    {
        var set = reasons.ToHashSet(StringComparer.Ordinal);
        var hints = new List<string>();
        if (set.Contains(HelmMissing))
        {
            hints.Add("install helm 3 ('mise install' pins it; scripts/install-test-dependencies.sh puts it in .tools/bin)");
        }

        if (set.Contains(NotCachedOffline))
        {
            hints.Add(mirror is null ? "drop --offline to download the charts, or set a chart mirror (docs/validate.md)" : "drop --offline to download the charts the mirror does not hold");
        }

        if (set.Contains(ValuesRefused))
        {
            hints.Add("fix the values HO3303 reports");
        }

        return hints.Count > 0 ? string.Join("; ", hints) : "see the reasons above";
    }

    private async Task RenderOneAsync(GitOpsTree tree, KustomizationNode k, ReleaseNode release, List<KubeObject> objects, HashSet<string> ownSources, CancellationToken ct)
    {
        var spec = release.Spec;
        var chart = Resolve(spec, objects, ownSources);
        release.LocalChart = chart.LocalPath is null ? null : chart.Name;
        if (chart.Problem is not null)
        {
            release.SkipReason = chart.Problem;
            if (chart.Unsupported)
            {
                tree.BuildDiagnostics.Add(DiagnosticCatalog.HelmSourceUnsupported.At(spec.Object.Origin.Span, spec.Id, chart.Problem));
            }

            return;
        }

        await _gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            var chartPath = chart.LocalPath ?? await PullAsync(tree, spec, chart, ct).ConfigureAwait(false);
            if (chartPath is null)
            {
                release.SkipReason ??= options.Offline ? NotCachedOffline : "the chart could not be fetched";
                return;
            }

            var values = HelmValues.Merge(spec, objects);
            var postRenderers = string.Join("\n---\n", spec.PostRenderers.Select(p => YamlWriter.Write(p)));
            var chartHash = chart.LocalPath is not null ? BuildCache.Hash(LocalChartFiles(chart.LocalPath)) : $"{chartPath}:{files.FileSize(chartPath)}";
            var key = BuildCache.Hash(["helm", chartHash, values, spec.ReleaseName, spec.TargetNamespace, kubeVersion ?? string.Empty, spec.CrdsPolicy ?? string.Empty, postRenderers]);
            release.Values = YamlReader.ReadSingle(values, "values.yaml", new DiagnosticBag()) as YamlMapping;
            var archive = chartPath;
            release.Chart = new Lazy<ChartContent?>(() => ChartFiles.Read(files, archive));
            release.ChartDescription = $"{chart.Name}@{chart.Version ?? "local"}";
            var output = cache.Get("renders", key);
            if (output is null)
            {
                output = await TemplateAsync(tree, release, chartPath, values, ct).ConfigureAwait(false);
                if (output is null)
                {
                    release.SkipReason = release.ValuesSchemaError is null ? "helm template failed" : ValuesRefused;
                    return;
                }

                cache.Put("renders", key, output);
            }

            Attach(k, release, output);
            release.Rendered = true;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<string?> TemplateAsync(GitOpsTree tree, ReleaseNode release, string chartPath, string values, CancellationToken ct)
    {
        var spec = release.Spec;
        var work = Path.Combine(cache.Directory, "work", BuildCache.Hash([source.Root, spec.Id])[..24]);
        var valuesFile = Path.Combine(work, "values.yaml");
        files.WriteAllTextAtomic(valuesFile, values);
        var request = new HelmTemplateRequest(spec.ReleaseName, chartPath, spec.TargetNamespace) { ValuesFiles = [valuesFile], KubeVersion = kubeVersion, IncludeCrds = spec.CrdsPolicy is not "Skip" };
        var result = await helm.TemplateAsync(request, ct).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            // Values the chart's values.schema.json refuses are reported by the values rule, at the value (HO3303).
            if (result.StandardError.Contains(SchemaFailure, StringComparison.Ordinal))
            {
                release.ValuesSchemaError = result.ErrorSummary(8);
                return null;
            }

            tree.BuildDiagnostics.Add(DiagnosticCatalog.HelmTemplateFailed.At(spec.Object.Origin.Locate("spec", "values"), spec.Id, $"{spec.Chart ?? chartPath}", result.ErrorSummary(3)));
            return null;
        }

        if (spec.PostRenderers.Count == 0)
        {
            return result.StandardOutput;
        }

        // Post-renderers are kustomize patches and images over the rendered manifests, in order.
        var output = result.StandardOutput;
        var index = 0;
        foreach (var renderer in spec.PostRenderers)
        {
            var dir = Path.Combine(work, $"post-{index++}");
            files.WriteAllTextAtomic(Path.Combine(dir, Overlay.PostRendererInput), output);
            files.WriteAllTextAtomic(Path.Combine(dir, "kustomization.yaml"), Overlay.PostRenderer(renderer));
            var built = await kustomize.BuildAsync(dir, ct).ConfigureAwait(false);
            if (!built.Succeeded)
            {
                tree.BuildDiagnostics.Add(DiagnosticCatalog.HelmTemplateFailed.At(spec.Object.Origin.Locate("spec", "postRenderers"), spec.Id, "the post-renderer", built.ErrorSummary(3)));
                return null;
            }

            output = built.StandardOutput;
        }

        return output;
    }

    private async Task<string?> PullAsync(GitOpsTree tree, HelmReleaseSpec spec, ChartLocation chart, CancellationToken ct)
    {
        var pinned = chart.Version is { Length: > 0 } v && !v.Any(c => c is '*' or '^' or '~' or '>' or '<' or ' ' or '|');
        if (pinned && mirror?.Find(chart.Repository, chart.Name, chart.Version!) is { } mirrored)
        {
            return mirrored;
        }

        var folder = Path.Combine(cache.Directory, "charts", BuildCache.Hash([chart.Repository ?? string.Empty, chart.Name])[..16], pinned ? chart.Version! : "unpinned");
        var existing = files.EnumerateFiles(folder, "*.tgz", recursive: false).FirstOrDefault();
        if (existing is not null && pinned)
        {
            return existing;
        }

        if (options.Offline)
        {
            return null;
        }

        files.CreateDirectory(folder);
        var result = await helm.PullAsync(chart.PullReference, chart.PullRepository, chart.Version is { Length: > 0 } ? chart.Version : null, folder, ct).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            tree.BuildDiagnostics.Add(DiagnosticCatalog.HelmChartUnavailable.At(spec.Object.Origin.Locate("spec", "chart", "spec", "version"), spec.Id, $"{chart.Name}@{chart.Version}", result.ErrorSummary(2)));
            return null;
        }

        return files.EnumerateFiles(folder, "*.tgz", recursive: false).FirstOrDefault();
    }

    private IEnumerable<string> LocalChartFiles(string path)
    {
        foreach (var f in files.EnumerateFiles(path, "*", recursive: true).Order(StringComparer.Ordinal))
        {
            yield return f;
            yield return files.ReadAllText(f);
        }
    }

    /// <summary>
    /// Adds the rendered objects; namespaced objects without a namespace land in the release namespace, as Helm
    /// installs them (scope from the built-in kinds or from CRDs in the same chart; unknown kinds count as namespaced).
    /// </summary>
    private void Attach(KustomizationNode k, ReleaseNode release, string output)
    {
        var origin = new ObjectOrigin(k.Id, release.Spec.Object.Origin.File, release.Spec.Object.Origin.Line, HelmRelease: release.Spec.Id);
        var docs = BuildOutput.SplitDocuments(output)
            .Select(d => (Root: YamlReader.ReadAll(d, origin.File, new DiagnosticBag()).FirstOrDefault() as YamlMapping, Crds: FromCrdsFolder(d)))
            .Where(d => d.Root?.Str("kind") is not null)
            .Select(d => (Root: d.Root!, d.Crds))
            .ToList();
        var clusterScoped = docs.Where(d => d.Root.Str("kind") == "CustomResourceDefinition" && d.Root.Str("spec", "scope") == "Cluster")
            .Select(d => $"{d.Root.Str("spec", "group")}/{d.Root.Str("spec", "names", "kind")}").ToHashSet(StringComparer.Ordinal);
        foreach (var (m, crds) in docs)
        {
            var probe = new KubeObject(m, origin);
            var namespaced = clusterScoped.Contains($"{probe.Group}/{probe.Kind}") ? false
                : builtin?.VersionsOf(probe.Group, probe.Kind) is [var v, ..] ? builtin.Find(v, probe.Kind)?.Namespaced : null;
            var from = crds && probe.Kind == "CustomResourceDefinition" ? origin with { FromChartCrdsFolder = true } : origin;
            release.Objects.Add(new KubeObject(m, from, namespaced == false ? null : release.Spec.TargetNamespace));
        }
    }

    /// <summary>
    /// Whether helm template printed the document from a crds/ folder ("# Source: chart/crds/x.yaml", or
    /// "chart/charts/sub/crds/x.yaml" for a subchart), not from templates/.
    /// </summary>
    private static bool FromCrdsFolder(string document)
    {
        const string Marker = "# Source: ";
        var line = document.Split('\n').FirstOrDefault(l => l.StartsWith(Marker, StringComparison.Ordinal));
        if (line is null)
        {
            return false;
        }

        var segments = line[Marker.Length..].Trim().Split('/');
        return segments.Contains("crds") && !segments.Contains("templates");
    }

    private ChartLocation Resolve(HelmReleaseSpec spec, List<KubeObject> objects, HashSet<string> ownSources)
    {
        if (spec.ChartRef is { } chartRef)
        {
            var target = Find(objects, chartRef);
            if (target is null)
            {
                return ChartLocation.Fail($"{chartRef} is not in the tree");
            }

            if (chartRef.Kind == "OCIRepository")
            {
                var url = target.Root.Str("spec", "url") ?? string.Empty;
                var tag = target.Root.Str("spec", "ref", "tag") ?? target.Root.Str("spec", "ref", "semver");
                var trimmed = url.TrimEnd('/');
                var slash = trimmed.LastIndexOf('/');
                return new ChartLocation(trimmed[(slash + 1)..], tag, slash > 0 ? trimmed[..slash] : trimmed, url, null, null);
            }

            if (chartRef.Kind == "HelmChart")
            {
                var sr = target.Root.Map("spec", "sourceRef");
                var inner = new NamedRef(sr.Str("kind") ?? string.Empty, sr.Str("name") ?? string.Empty, sr.Str("namespace") ?? target.Namespace ?? spec.Namespace, ["spec", "sourceRef"]);
                return FromSource(target.Root.Str("spec", "chart"), target.Root.Str("spec", "version"), inner, objects, ownSources);
            }

            return ChartLocation.Fail($"chartRef kind {chartRef.Kind}", unsupported: true);
        }

        return spec.SourceRef is null ? ChartLocation.Fail("no chart source") : FromSource(spec.Chart, spec.Version, spec.SourceRef, objects, ownSources);
    }

    private ChartLocation FromSource(string? chart, string? version, NamedRef sourceRef, List<KubeObject> objects, HashSet<string> ownSources)
    {
        if (chart is null)
        {
            return ChartLocation.Fail("no chart name");
        }

        if (sourceRef.Kind == "GitRepository" && ownSources.Contains(sourceRef.ToString()))
        {
            var path = RepoPath.Normalize(chart);
            return source.DirectoryExists(path) ? new ChartLocation(path, version, null, path, null, source.Absolute(path)) : ChartLocation.Fail($"chart folder '{path}' does not exist");
        }

        var repository = Find(objects, sourceRef);
        if (repository is null)
        {
            return ChartLocation.Fail($"{sourceRef} is not in the tree");
        }

        if (sourceRef.Kind != "HelmRepository")
        {
            return ChartLocation.Fail($"{sourceRef.Kind} {sourceRef.Name}", unsupported: true);
        }

        var url = (repository.Root.Str("spec", "url") ?? string.Empty).TrimEnd('/');
        return url.StartsWith("oci://", StringComparison.Ordinal) || repository.Root.Str("spec", "type") == "oci"
            ? new ChartLocation(chart, version, url, $"{url}/{chart}", null, null)
            : new ChartLocation(chart, version, url, chart, url, null);
    }

    private static KubeObject? Find(List<KubeObject> objects, NamedRef r) =>
        objects.Find(o => o.Kind == r.Kind && o.Group == FluxKinds.SourceGroup && o.Name == r.Name && o.Namespace == r.Namespace);

    private sealed record ChartLocation(string Name, string? Version, string? Repository, string PullReference, string? PullRepository, string? LocalPath)
    {
        public string? Problem { get; init; }

        public bool Unsupported { get; init; }

        public static ChartLocation Fail(string problem, bool unsupported = false) =>
            new(string.Empty, null, null, string.Empty, null, null) { Problem = problem, Unsupported = unsupported };
    }
}
