using System.Collections.Concurrent;
using HomeOps.Core.Diagnostics;
using HomeOps.Core.GitOps.Build;
using HomeOps.Core.Yaml;

namespace HomeOps.Core.GitOps.Model;

/// <summary>
/// The tracked YAML files, read once with positions, so rendered objects can be traced back to the document (and
/// line) the user wrote. Thread-safe: builds of several Kustomizations look up sources in parallel.
/// </summary>
/// <param name="parsed">YAML parsed by an earlier run, for the sources and the builds' output (null: parse all of it).</param>
public sealed class SourceIndex(ISourceTree tree, YamlParseCache? parsed = null)
{
    private readonly ConcurrentDictionary<string, IReadOnlyList<YamlNode>> _documents = new(StringComparer.Ordinal);

    public ISourceTree Tree => tree;

    public IReadOnlyList<YamlNode> Documents(string file) =>
        _documents.GetOrAdd(file, f => tree.ReadText(f) is { } text ? Parse(text, f, new DiagnosticBag()) : []);

    /// <summary>The documents of YAML text read while building the tree (<see cref="YamlReader.ReadAll"/>, through the run's parse cache).</summary>
    public IReadOnlyList<YamlNode> Parse(string text, string path, DiagnosticBag diagnostics) => YamlReader.ReadAll(text, path, diagnostics, parsed);

    /// <summary>The document in <paramref name="file"/> that defines kind/name (names may carry a kustomize prefix or suffix).</summary>
    public SourceDocument? Find(string file, string kind, string name)
    {
        var docs = Documents(file).OfType<YamlMapping>().Where(d => d.Str("kind") == kind).ToList();
        var exact = docs.FirstOrDefault(d => d.Str("metadata", "name") == name)
            ?? docs.FirstOrDefault(d => d.Str("metadata", "name") is { Length: > 0 } n && name.Contains(n, StringComparison.Ordinal))
            ?? (docs.Count == 1 ? docs[0] : null);
        return exact is null ? null : new SourceDocument(file, exact);
    }
}
