using System.Text.Json.Nodes;
using HomeOps.Core.Diagnostics;
using HomeOps.Core.Yaml;

namespace HomeOps.Operations.Bootstrap.Tree;

/// <summary>
/// The parts of the GitOps tree the bootstrap reads (clusters/ and infrastructure/): HelmReleases and their sources
/// for the core charts, Namespace manifests, the ClusterSecretStore and the Flux sync objects. Reading them here
/// keeps one source of truth: the bootstrap installs exactly what Flux will later adopt.
/// </summary>
public sealed partial class GitOpsTree(IReadOnlyList<TreeDocument> documents, IReadOnlyList<string> folders)
{
    public static readonly string[] Folders = ["clusters", "infrastructure"];

    public IReadOnlyList<TreeDocument> Documents { get; } = documents;

    /// <summary>The folders read, for messages.</summary>
    public string Where => string.Join(", ", folders.Select(f => f + "/"));

    public static GitOpsTree Load(Workspace workspace)
    {
        var files = new List<(string Display, string Text)>();
        foreach (var folder in Folders)
        {
            var root = workspace.PathOf(folder);
            if (workspace.Files.DirectoryExists(root))
            {
                files.AddRange(workspace.Files.EnumerateFiles(root, "*.yaml", recursive: true).Order(StringComparer.Ordinal)
                    .Select(f => (Path.GetRelativePath(workspace.Root, f), workspace.Files.ReadAllText(f))));
            }
        }

        // Substitute on the text, as kustomize-controller does after building: a number stays a number.
        var variables = Variables(files.SelectMany(f => Parse(f.Display, f.Text)));
        return new GitOpsTree([.. files.SelectMany(f => Parse(f.Display, Substitute(f.Text, variables)))], Folders);
    }

    private static IEnumerable<TreeDocument> Parse(string display, string text)
    {
        var diagnostics = new DiagnosticBag();
        foreach (var node in YamlReader.ReadAll(text, display, diagnostics))
        {
            if (YamlJson.ToJson(node) is JsonObject obj && obj["kind"] is not null)
            {
                yield return new TreeDocument(display, obj);
            }
        }
    }

    /// <summary>
    /// Flux post-build variables from the tree's cluster-settings ConfigMap (written by `homeops render` from
    /// cluster.yaml), so what the bootstrap installs carries the same values Flux will substitute.
    /// </summary>
    private static Dictionary<string, string> Variables(IEnumerable<TreeDocument> documents) =>
        documents.FirstOrDefault(d => d.Kind == "ConfigMap" && d.Name == "cluster-settings")?.Object["data"] is JsonObject data
            ? data.Where(kv => kv.Value is JsonValue).ToDictionary(kv => kv.Key, kv => kv.Value!.ToString(), StringComparer.Ordinal)
            : new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>${VAR} and ${VAR:=default}, as kustomize-controller substitutes them; unknown ones stay as written.</summary>
    private static string Substitute(string text, IReadOnlyDictionary<string, string> variables) =>
        !text.Contains("${", StringComparison.Ordinal) ? text
            : VariablePattern().Replace(text, m => variables.TryGetValue(m.Groups[1].Value, out var value) ? value : m.Groups[2].Success ? m.Groups[2].Value : m.Value);

    [System.Text.RegularExpressions.GeneratedRegex(@"\$\{([A-Za-z_][A-Za-z0-9_]*)(?::=([^}]*))?\}")]
    private static partial System.Text.RegularExpressions.Regex VariablePattern();

    public TreeDocument? Find(string kind, string name, string? ns = null) =>
        Documents.FirstOrDefault(d => d.Kind == kind && d.Name == name && (ns is null || d.Namespace == ns));

    public IEnumerable<TreeDocument> OfKind(string kind) => Documents.Where(d => d.Kind == kind);
}
