using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using HomeOps.Core.Diagnostics;
using HomeOps.Core.GitOps.Model;
using HomeOps.Core.GitOps.Rules;
using HomeOps.Runtime.Files;
using HomeOps.Runtime.Processes;

namespace HomeOps.Operations.GitOps;

/// <summary>
/// The result cache of `homeops validate`: the diagnostics of a whole run, keyed by a hash of everything they depend
/// on: the content of every file of the repository and of the schema folders, the files git tracks, the options, the
/// charts in the cache folder and the mirror, the kustomize and helm binaries, and the build of HomeOps itself. When
/// nothing changed, a run prints the stored result without building anything. A result that depended on the network
/// (a chart that could not be downloaded) is not stored. File contents are hashed once and then recognised by size
/// and modification time (<see cref="FileFingerprints"/>), so an unchanged repository is stat-ed, not read.
/// </summary>
internal sealed class ValidateResultCache(IFileSystem files, BuildCache cache)
{
    public string Key(Workspace workspace, ValidateOptions options, IReadOnlyList<string> tracked, string? chartMirror)
    {
        // Every part as UTF-16 and a NUL after it, hashed once at the end.
        var parts = new StringBuilder(256 * 1024);
        void Add(string part) => parts.Append(part).Append('\0');

        Add("validate-result-2");
        Add(typeof(GitOpsRules).Assembly.ManifestModule.ModuleVersionId.ToString());
        Add(typeof(ValidateService).Assembly.ManifestModule.ModuleVersionId.ToString());
        foreach (var part in new[] { workspace.Root, workspace.ClusterFile, workspace.DisplayBase, options.EntryPath ?? "-", options.KubernetesVersion ?? "-", chartMirror ?? "-" })
        {
            Add(part);
        }

        Add($"{options.Offline} {options.StrictSubstitution} {options.InProcessKustomize}");
        foreach (var program in new[] { "kustomize", "kubectl", "helm" })
        {
            Add(ToolLocator.Find(program, files) is { } path ? $"{path} {files.LastWriteTimeUtc(path).Ticks} {files.FileSize(path)}" : $"{program} missing");
        }

        Add(string.Join('\n', tracked));
        var prints = FileFingerprints.Load(files, cache, workspace.Root);
        var skip = Path.GetFullPath(cache.Directory, workspace.Root);
        foreach (var file in new DiskSourceTree(files, workspace.Root).AllFileStamps())
        {
            var full = Path.Combine(workspace.Root, file.Path);
            if (!full.StartsWith(skip + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                Add(file.Path);
                Add(prints.ContentHash(full, file.Size, file.LastWriteTimeUtc.Ticks));
            }
        }

        if (!workspace.ClusterFile.StartsWith(workspace.Root + Path.DirectorySeparatorChar, StringComparison.Ordinal) && files.FileExists(workspace.ClusterFile))
        {
            AddFile(Add, workspace.ClusterFile, workspace.ClusterFile, prints);
        }

        foreach (var directory in options.SchemaDirectories)
        {
            foreach (var file in Listing(directory))
            {
                AddFile(Add, file, file, prints);
            }
        }

        // Charts are immutable per version: their names and sizes say which ones a render could use.
        var mirror = chartMirror is null ? null : Path.GetFullPath(chartMirror, workspace.DisplayBase);
        foreach (var directory in new[] { Path.Combine(cache.Directory, "charts"), mirror }.OfType<string>())
        {
            foreach (var file in Listing(directory))
            {
                Add($"{file} {files.FileSize(file)}");
            }
        }

        prints.Save();
        ReusedHashes = prints.Reused;
        Fingerprints = prints;
        return Convert.ToHexStringLower(SHA256.HashData(MemoryMarshal.AsBytes(parts.ToString().AsSpan())));
    }

    /// <summary>The content hashes <see cref="Key"/> used (null before it ran): later phases key their own caches by them.</summary>
    public FileFingerprints? Fingerprints { get; private set; }

    /// <summary>Files the last <see cref="Key"/> did not read: their size and time matched the fingerprints of an earlier run.</summary>
    public int ReusedHashes { get; private set; }

    public ValidateResult? Get(string key, TimeSpan elapsed)
    {
        if (cache.Get("results", key) is not { } text)
        {
            return null;
        }

        try
        {
            var stored = JsonSerializer.Deserialize(text, ValidateResultCacheJson.Default.StoredResult);
            return stored is null ? null : new ValidateResult([.. stored.Diagnostics.Select(d => d.ToDiagnostic())], null, elapsed)
            {
                CachedSummary = stored.Summary,
                Feeds = [.. stored.Feeds.Select(f => new KustomizationFeed(f.Id, f.Inputs, f.Also, f.Declared))],
            };
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public void Put(string key, ValidateResult result)
    {
        if (result.Tree is null || result.Diagnostics.Any(d => d.Code == DiagnosticCatalog.HelmChartUnavailable.Code))
        {
            return;
        }

        var stored = new StoredResult(result.Figures(), [.. result.Diagnostics.Select(StoredDiagnostic.From)], [.. (result.Feeds ?? []).Select(f => new StoredFeed(f.Id, [.. f.Inputs], [.. f.Also], f.Declared))]);
        cache.Put("results", key, JsonSerializer.Serialize(stored, ValidateResultCacheJson.Default.StoredResult));
    }

    private IEnumerable<string> Listing(string directory) =>
        files.DirectoryExists(directory) ? files.EnumerateFiles(directory, "*", recursive: true).Order(StringComparer.Ordinal) : [];

    private static void AddFile(Action<string> add, string full, string name, FileFingerprints prints)
    {
        add(name);
        add(prints.ContentHash(full));
    }
}

internal sealed record StoredResult(string Summary, List<StoredDiagnostic> Diagnostics, List<StoredFeed> Feeds);

internal sealed record StoredFeed(string Id, List<string> Inputs, List<string> Also, SourceSpan? Declared);

internal sealed record StoredDiagnostic(string Code, string Name, DiagnosticSeverity Severity, string Path, int Line, int Column, int EndLine, int EndColumn, string Message, string? Hint, bool SourceIsSecret)
{
    public static StoredDiagnostic From(Diagnostic d) =>
        new(d.Code, d.Name, d.Severity, d.Location.Path, d.Location.Line, d.Location.Column, d.Location.EndLine, d.Location.EndColumn, d.Message, d.Hint, d.SourceIsSecret);

    public Diagnostic ToDiagnostic() =>
        new(Code, Name, Severity, new SourceSpan(Path, Line, Column, EndLine, EndColumn), Message, Hint) { SourceIsSecret = SourceIsSecret };
}

[System.Text.Json.Serialization.JsonSerializable(typeof(StoredResult))]
internal sealed partial class ValidateResultCacheJson : System.Text.Json.Serialization.JsonSerializerContext;
