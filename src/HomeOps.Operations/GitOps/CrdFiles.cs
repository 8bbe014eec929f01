using System.Globalization;
using System.Text.RegularExpressions;
using HomeOps.Core.Diagnostics;
using HomeOps.Core.GitOps.Build;
using HomeOps.Core.GitOps.Model;
using HomeOps.Core.Schema;
using HomeOps.Core.Yaml;
using HomeOps.Runtime.Files;

namespace HomeOps.Operations.GitOps;

/// <summary>
/// Registers the CRDs of a schema-folder file by group, kind and scope read from the text, deferring the full
/// parse until a kind is used (a folder of upstream CRDs is several megabytes of YAML). With the file's content
/// hash and the build cache, what the text says is remembered per content (the "crd-index" entry), so an
/// unchanged folder is not even read until a kind is used.
/// </summary>
public static partial class CrdFiles
{
    /// <summary>Registers the CRDs of <paramref name="file"/>; <paramref name="contentHash"/> and <paramref name="cache"/> may be null (no index).</summary>
    public static void Register(SchemaRegistry registry, IFileSystem files, string file, string? contentHash, BuildCache? cache)
    {
        var documents = new Lazy<IReadOnlyList<string>>(() => Read(files, file).Documents);
        var indexKey = contentHash is null ? null : BuildCache.Hash([IndexFormat, contentHash]);
        var index = indexKey is null || cache?.Get("crd-index", indexKey) is not { } stored ? null : Parse(stored);
        if (index is null)
        {
            var (read, readHash) = Read(files, file);
            documents = new Lazy<IReadOnlyList<string>>(read);
            index = Index(read);
            if (indexKey is not null && readHash == contentHash)
            {
                // Only what was read under the hash it is kept by: a file that changed since it was hashed is indexed again next time.
                cache?.Put("crd-index", indexKey, string.Concat(index.Select(e => e.ToLine())));
            }
            else if (contentHash is not null)
            {
                contentHash = readHash;
            }
        }

        foreach (var entry in index)
        {
            var at = entry.Document;
            if (entry.Kind is { } kind && entry.Group is { } group)
            {
                var fingerprint = contentHash is null ? () => BuildCache.Hash([documents.Value[at]]) : (Func<string>)(() => $"{contentHash} {at}");
                registry.AddLazyCrd(group, kind, entry.Namespaced, () => at < documents.Value.Count ? Parse(documents.Value[at], file) : null, file, fingerprint);
            }
            else if (at < documents.Value.Count && Parse(documents.Value[at], file) is { } crd && crd.Str("kind") == "CustomResourceDefinition")
            {
                registry.AddCrd(crd, file);
            }
        }
    }

    /// <summary>One CRD document of a file: its group, kind and scope when the text shows them, else only its place (parsed when registered).</summary>
    private sealed record Entry(int Document, string? Group, string? Kind, bool Namespaced)
    {
        public string ToLine() => string.Create(CultureInfo.InvariantCulture, $"{Document} {(Namespaced ? 1 : 0)} {Group ?? "-"} {Kind ?? "-"}\n");
    }

    private static List<Entry> Index(IReadOnlyList<string> documents)
    {
        var entries = new List<Entry>();
        for (var i = 0; i < documents.Count; i++)
        {
            var doc = documents[i];
            if (!doc.Contains("kind: CustomResourceDefinition", StringComparison.Ordinal))
            {
                continue;
            }

            var group = Group().Match(doc);
            var kind = NamesKind().Match(doc);
            entries.Add(group.Success && kind.Success
                ? new Entry(i, Unquote(group.Groups[1].Value), Unquote(kind.Groups[1].Value), Unquote(Scope().Match(doc).Groups[1].Value) != "Cluster")
                : new Entry(i, null, null, Namespaced: true));
        }

        return entries;
    }

    private static List<Entry>? Parse(string stored)
    {
        var entries = new List<Entry>();
        foreach (var line in stored.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = line.Split(' ');
            if (parts.Length != 4 || !int.TryParse(parts[0], CultureInfo.InvariantCulture, out var document))
            {
                return null;
            }

            entries.Add(new Entry(document, parts[2] == "-" ? null : parts[2], parts[3] == "-" ? null : parts[3], parts[1] == "1"));
        }

        return entries;
    }

    /// <summary>The file's documents and the SHA-256 of its bytes; none when it went away since it was indexed (its kinds then have no schema).</summary>
    private static (IReadOnlyList<string> Documents, string? Hash) Read(IFileSystem files, string file)
    {
        try
        {
            var bytes = files.ReadAllBytes(file);
            var text = System.Text.Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF');
            return (BuildOutput.SplitDocuments(text), Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return ([], null);
        }
    }

    /// <summary>Part of every index key: how the index was read from the text (a change to the reading starts afresh).</summary>
    private static readonly string IndexFormat = "crd-index-1 " + typeof(CrdFiles).Assembly.ManifestModule.ModuleVersionId;

    private static YamlMapping? Parse(string document, string file) => YamlReader.ReadAll(document, file, new DiagnosticBag()).FirstOrDefault() as YamlMapping;

    private static string Unquote(string value) => value.Trim('"', '\'');

    [GeneratedRegex(@"^  group: *(\S+)", RegexOptions.Multiline)]
    private static partial Regex Group();

    [GeneratedRegex(@"^  names:\s*\n(?:    .*\n)*?    kind: *(\S+)", RegexOptions.Multiline)]
    private static partial Regex NamesKind();

    [GeneratedRegex(@"^  scope: *(\S+)", RegexOptions.Multiline)]
    private static partial Regex Scope();
}
