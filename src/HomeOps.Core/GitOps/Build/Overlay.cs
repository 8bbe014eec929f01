using System.Text;
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
        var sb = new StringBuilder();
        sb.Append("apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n");
        sb.Append("buildMetadata: [originAnnotations]\n");
        sb.Append("resources:\n");
        foreach (var resource in inputs.GeneratedResources ?? [inputs.Path])
        {
            sb.Append("  - ").Append(Quote(Join(toRoot, resource))).Append('\n');
        }

        // Flux adds spec.components to the path's own kustomization file, so its namespace applies to what they add;
        // this overlay includes the path as a resource instead, so it repeats that namespace (fluxcd/pkg kustomize
        // generator: the components are appended to the existing kustomization).
        var components = inputs.Components;
        if ((spec.TargetNamespace ?? (components.Count > 0 ? inputs.Namespace : null)) is { } ns)
        {
            sb.Append("namespace: ").Append(Quote(ns)).Append('\n');
        }

        if (spec.NamePrefix is { } prefix)
        {
            sb.Append("namePrefix: ").Append(Quote(prefix)).Append('\n');
        }

        if (spec.NameSuffix is { } suffix)
        {
            sb.Append("nameSuffix: ").Append(Quote(suffix)).Append('\n');
        }

        var specNode = spec.Object.Spec;
        if (components.Count > 0)
        {
            sb.Append("components:\n");
            foreach (var c in components)
            {
                sb.Append("  - ").Append(Quote(Join(toRoot, c))).Append('\n');
            }
        }

        foreach (var key in (string[])["patches", "images"])
        {
            if (specNode.At(key) is YamlSequence { Items.Count: > 0 } seq)
            {
                sb.Append(YamlWriter.Write(new YamlMapping(seq.Span, [new YamlEntry(new YamlScalar(seq.Span, key, true, null), seq)])));
            }
        }

        return sb.ToString();
    }

    /// <summary>The file a HelmRelease post-renderer's manifests are written to, next to <see cref="PostRenderer"/>.</summary>
    public const string PostRendererInput = "rendered.yaml";

    /// <summary>
    /// The kustomization.yaml that applies one HelmRelease post-renderer (spec.postRenderers[].kustomize: patches and
    /// images) to the chart's manifests in <see cref="PostRendererInput"/>, as helm-controller does.
    /// </summary>
    public static string PostRenderer(YamlMapping kustomize) =>
        $"apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - {PostRendererInput}\n" + YamlWriter.Write(kustomize);

    /// <summary>True when there is nothing to build (Flux then applies an empty set).</summary>
    public static bool IsEmpty(BuildInputs inputs) => inputs.GeneratedResources is { Count: 0 };

    private static string Join(string toRoot, string path) => path.Length == 0 ? toRoot : $"{toRoot}/{path}";

    private static string Quote(string value) => Yaml.YamlScalarStyle.DoubleQuoted(value);
}
