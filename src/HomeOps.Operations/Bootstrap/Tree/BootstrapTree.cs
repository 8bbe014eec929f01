using System.Text.Json.Nodes;
using HomeOps.Core.Diagnostics;
using HomeOps.Core.GitOps.Model;
using HomeOps.Core.Yaml;
using HomeOps.Operations.GitOps;
using HomeOps.Runtime.Processes;

namespace HomeOps.Operations.Bootstrap.Tree;

/// <summary>
/// The objects Flux will apply from the cluster's entry folder, built by the same code as `homeops validate`
/// (kustomize per Flux Kustomization, then Flux post-build substitution with each Kustomization's own variables),
/// without rendering charts. The bootstrap reads its core charts, namespaces, ClusterSecretStore, FluxInstance and
/// sync objects from here, so it installs exactly what Flux later adopts.
/// </summary>
public sealed class BootstrapTree
{
    private BootstrapTree(GitOpsTree tree, IReadOnlyList<Diagnostic> buildErrors)
    {
        Tree = tree;
        Objects = [.. tree.AllObjects];
        BuildErrors = buildErrors;
    }

    public GitOpsTree Tree { get; }

    public IReadOnlyList<KubeObject> Objects { get; }

    /// <summary>Errors found while building (a Kustomization that does not build, a substitution that breaks YAML).</summary>
    public IReadOnlyList<Diagnostic> BuildErrors { get; }

    /// <summary>The entry folder the tree was built from (cluster.yaml gitops.path).</summary>
    public string EntryPath => Tree.EntryPath;

    /// <summary>Builds the tree as validate does; null with the reason when it cannot be built at all (no kubectl, no entry folder).</summary>
    public static async Task<(BootstrapTree? Tree, IReadOnlyList<Diagnostic> Diagnostics)> LoadAsync(Workspace workspace, ICommandRunner runner, TimeProvider time, CancellationToken cancellationToken)
    {
        var options = new ValidateOptions { Offline = true, RenderOnly = true };
        var rendered = await new ValidateService(runner, time).RenderAsync(workspace, options, renderReleases: _ => false, cancellationToken).ConfigureAwait(false);
        var errors = rendered.Diagnostics.Where(d => d.IsError)
            .Select(d => d with { Location = d.Location with { Path = ValidateService.Display(workspace, d.Location.Path) } }).ToList();
        return rendered.Tree is { Root: not null } tree ? (new BootstrapTree(tree, errors), errors) : (null, errors);
    }

    public KubeObject? Find(string group, string kind, string name, string? ns = null) =>
        Objects.FirstOrDefault(o => o.Is(group, kind) && o.Name == name && (ns is null || o.Namespace == ns));

    public IEnumerable<KubeObject> OfKind(string group, string kind) => Objects.Where(o => o.Is(group, kind));

    /// <summary>The object as the API server receives it: JSON, without the origin annotation the build adds.</summary>
    public static JsonObject ToJson(KubeObject obj)
    {
        var json = (JsonObject)YamlJson.ToJson(obj.Root)!;
        if (json["metadata"]?["annotations"] is JsonObject annotations)
        {
            annotations.Remove(KubeObject.OriginAnnotation);
            if (annotations.Count == 0)
            {
                ((JsonObject)json["metadata"]!).Remove("annotations");
            }
        }

        return json;
    }

    /// <summary>"infrastructure/cilium/helmrelease.yaml:5", for plans and messages.</summary>
    public static string Where(KubeObject obj) => $"{obj.Origin.File}:{obj.Origin.Span.Line}";
}
