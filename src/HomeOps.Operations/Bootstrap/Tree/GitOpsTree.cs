using System.Text.Json.Nodes;
using HomeOps.Core.Diagnostics;
using HomeOps.Core.Yaml;

namespace HomeOps.Operations.Bootstrap.Tree;

/// <summary>
/// The parts of the GitOps tree the bootstrap reads (clusters/ and infrastructure/): HelmReleases and their sources
/// for the core charts, Namespace manifests, the ClusterSecretStore and the Flux sync objects. Reading them here
/// keeps one source of truth: the bootstrap installs exactly what Flux will later adopt.
/// </summary>
public sealed class GitOpsTree(IReadOnlyList<TreeDocument> documents, IReadOnlyList<string> folders)
{
    public static readonly string[] Folders = ["clusters", "infrastructure"];

    public IReadOnlyList<TreeDocument> Documents { get; } = documents;

    /// <summary>The folders read, for messages.</summary>
    public string Where => string.Join(", ", folders.Select(f => f + "/"));

    public static GitOpsTree Load(Workspace workspace)
    {
        var documents = new List<TreeDocument>();
        foreach (var folder in Folders)
        {
            var root = workspace.PathOf(folder);
            if (!workspace.Files.DirectoryExists(root))
            {
                continue;
            }

            foreach (var file in workspace.Files.EnumerateFiles(root, "*.yaml", recursive: true).Order(StringComparer.Ordinal))
            {
                var display = Path.GetRelativePath(workspace.Root, file);
                var diagnostics = new DiagnosticBag();
                foreach (var node in YamlReader.ReadAll(workspace.Files.ReadAllText(file), display, diagnostics))
                {
                    if (YamlJson.ToJson(node) is JsonObject obj && obj["kind"] is not null)
                    {
                        documents.Add(new TreeDocument(display, obj));
                    }
                }
            }
        }

        return new GitOpsTree(documents, Folders);
    }

    public TreeDocument? Find(string kind, string name, string? ns = null) =>
        Documents.FirstOrDefault(d => d.Kind == kind && d.Name == name && (ns is null || d.Namespace == ns));

    public IEnumerable<TreeDocument> OfKind(string kind) => Documents.Where(d => d.Kind == kind);
}
