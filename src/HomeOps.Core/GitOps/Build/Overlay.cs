using HomeOps.Core.GitOps.Flux;
using HomeOps.Core.GitOps.Model;
using HomeOps.Core.Yaml;

namespace HomeOps.Core.GitOps.Build;

/// <summary>
/// The kustomization HomeOps builds for a Flux Kustomization: it includes the path (or, when the path has no
/// kustomization file, the resource list Flux would generate) and adds what Flux adds from the spec (targetNamespace,
/// namePrefix/nameSuffix, patches, images, components), plus origin annotations so every object can be traced back
/// to its file. It lives outside the repository, so nothing is written into the user's tree.
/// </summary>
public static class Overlay
{
    /// <param name="toRoot">The relative path from the overlay folder to the repository root.</param>
    public static string Write(FluxKustomization spec, BuildInputs inputs, string toRoot)
    {
        var yaml = new YamlWriter(indentSequences: false).Map()
            .Entry("apiVersion", "kustomize.config.k8s.io/v1beta1")
            .Entry("kind", "Kustomization")
            .Key("buildMetadata").FlowList("originAnnotations")
            .Key("resources").List();
        foreach (var resource in inputs.GeneratedResources ?? [inputs.Path])
        {
            yaml.DoubleQuoted(Join(toRoot, resource));
        }

        yaml.EndList();

        // Flux adds spec.components to the path's own kustomization file, so its namespace applies to what they add;
        // this overlay includes the path as a resource instead, so it repeats that namespace (fluxcd/pkg kustomize
        // generator: the components are appended to the existing kustomization).
        var components = inputs.Components;
        if ((spec.TargetNamespace ?? (components.Count > 0 ? inputs.Namespace : null)) is { } ns)
        {
            yaml.Key("namespace").DoubleQuoted(ns);
        }

        if (spec.NamePrefix is { } prefix)
        {
            yaml.Key("namePrefix").DoubleQuoted(prefix);
        }

        if (spec.NameSuffix is { } suffix)
        {
            yaml.Key("nameSuffix").DoubleQuoted(suffix);
        }

        var specNode = spec.Object.Spec;
        if (components.Count > 0)
        {
            yaml.Key("components").List();
            foreach (var c in components)
            {
                yaml.DoubleQuoted(Join(toRoot, c));
            }

            yaml.EndList();
        }

        foreach (var key in (string[])["patches", "images"])
        {
            if (specNode.At(key) is YamlSequence { Items.Count: > 0 } seq)
            {
                yaml.Key(key).Node(seq);
            }
        }

        return yaml.EndMap().ToString();
    }

    /// <summary>The file a HelmRelease post-renderer's manifests are written to, next to <see cref="PostRenderer"/>.</summary>
    public const string PostRendererInput = "rendered.yaml";

    /// <summary>
    /// The kustomization.yaml that applies one HelmRelease post-renderer (spec.postRenderers[].kustomize: patches and
    /// images) to the chart's manifests in <see cref="PostRendererInput"/>, as helm-controller does.
    /// </summary>
    public static string PostRenderer(YamlMapping kustomize)
    {
        var yaml = new YamlWriter(indentSequences: false).Map()
            .Entry("apiVersion", "kustomize.config.k8s.io/v1beta1")
            .Entry("kind", "Kustomization")
            .Key("resources").List().Plain(PostRendererInput).EndList();
        foreach (var entry in kustomize.Entries)
        {
            yaml.Key(entry.Key.Value).Node(entry.Value);
        }

        return yaml.EndMap().ToString();
    }

    /// <summary>True when there is nothing to build (Flux then applies an empty set).</summary>
    public static bool IsEmpty(BuildInputs inputs) => inputs.GeneratedResources is { Count: 0 };

    private static string Join(string toRoot, string path) => path.Length == 0 ? toRoot : $"{toRoot}/{path}";
}
