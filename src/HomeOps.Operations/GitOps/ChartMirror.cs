using System.Collections.Concurrent;
using HomeOps.Core.Diagnostics;
using HomeOps.Core.GitOps.Model;
using HomeOps.Core.Yaml;
using HomeOps.Runtime.Files;

namespace HomeOps.Operations.GitOps;

/// <summary>
/// A local copy of chart repositories, consulted before the cache and the network: a folder (or file:// URL) holding
/// Helm repositories, each an index.yaml (as <c>helm repo index</c> writes it) beside its archives. A chart is looked
/// up by repository URL, chart name and exact version: first in the folder named after the repository URL without its
/// scheme (<c>helm.cilium.io/</c>, <c>ghcr.io/controlplaneio-fluxcd/charts/</c>), then in the index at the mirror's root,
/// which serves every repository. Archives listed by a remote URL are ignored: a mirror never reaches the network.
/// </summary>
public sealed class ChartMirror
{
    /// <summary>The environment variable that sets the mirror when --chart-mirror is not given.</summary>
    public const string EnvironmentVariable = "HOMEOPS_CHART_MIRROR";

    private readonly IFileSystem _files;
    private readonly ConcurrentDictionary<string, IReadOnlyDictionary<(string Name, string Version), string>> _indexes = new(StringComparer.Ordinal);

    private ChartMirror(IFileSystem files, string root)
    {
        _files = files;
        Root = root;
    }

    public string Root { get; }

    /// <summary>Opens the mirror a setting names (a folder, or a file:// URL of one); a folder without any index.yaml is a diagnostic.</summary>
    public static ChartMirror? Open(IFileSystem files, string setting, string baseDirectory, List<Diagnostic> diagnostics)
    {
        var path = setting.StartsWith("file://", StringComparison.Ordinal) ? Uri.UnescapeDataString(setting["file://".Length..]) : setting;
        var root = Path.GetFullPath(path, baseDirectory);
        if (!files.DirectoryExists(root) || !files.EnumerateFiles(root, "index.yaml", recursive: true).Any())
        {
            diagnostics.Add(DiagnosticCatalog.ChartMirrorInvalid.At(SourceSpan.File(setting), setting, files.DirectoryExists(root) ? "it holds no index.yaml" : "it does not exist"));
            return null;
        }

        return new ChartMirror(files, root);
    }

    /// <summary>The folder below the mirror root that mirrors one repository: its URL without scheme and trailing slash.</summary>
    public static string RepositoryFolder(string repositoryUrl)
    {
        var scheme = repositoryUrl.IndexOf("://", StringComparison.Ordinal);
        var rest = scheme < 0 ? repositoryUrl : repositoryUrl[(scheme + 3)..];
        return string.Join('/', rest.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(s => s.Replace(':', '_')));
    }

    /// <summary>The archive of <paramref name="chart"/> at exactly <paramref name="version"/> for the repository, or null.</summary>
    public string? Find(string? repositoryUrl, string chart, string version)
    {
        var folders = repositoryUrl is null ? [Root] : new[] { Path.Combine(Root, RepositoryFolder(repositoryUrl)), Root };
        foreach (var folder in folders)
        {
            if (Index(folder).TryGetValue((chart, version), out var archive))
            {
                return archive;
            }
        }

        return null;
    }

    private IReadOnlyDictionary<(string Name, string Version), string> Index(string folder) => _indexes.GetOrAdd(folder, f =>
    {
        var entries = new Dictionary<(string, string), string>();
        var file = Path.Combine(f, "index.yaml");
        if (!_files.FileExists(file))
        {
            return entries;
        }

        var index = YamlReader.ReadSingle(_files.ReadAllText(file), file, new DiagnosticBag()) as YamlMapping;
        foreach (var chart in index.Map("entries")?.Entries ?? [])
        {
            foreach (var version in chart.Value.Seq())
            {
                var url = version.Seq("urls").FirstOrDefault().Str();
                var archive = url is null ? null : LocalArchive(f, url);
                if (version.Str("version") is { } v && archive is not null && _files.FileExists(archive))
                {
                    entries.TryAdd((chart.Key.Value, v), archive);
                }
            }
        }

        return entries;
    });

    private static string? LocalArchive(string folder, string url) =>
        url.StartsWith("file://", StringComparison.Ordinal) ? Uri.UnescapeDataString(url["file://".Length..])
        : url.Contains("://", StringComparison.Ordinal) ? null
        : Path.GetFullPath(Uri.UnescapeDataString(url), folder);
}
