using HomeOps.Core.GitOps.Model;
using HomeOps.Core.Yaml;

namespace HomeOps.Core.GitOps.Flux;

/// <summary>A Flux HelmRelease (helm.toolkit.fluxcd.io/v2): where its chart comes from and how it is rendered.</summary>
public sealed record HelmReleaseSpec(
    string Name,
    string Namespace,
    string? Chart,
    string? Version,
    NamedRef? SourceRef,
    NamedRef? ChartRef,
    string ReleaseName,
    string TargetNamespace,
    bool CreateNamespace,
    YamlMapping? Values,
    IReadOnlyList<ValuesFrom> ValuesFrom,
    IReadOnlyList<YamlMapping> PostRenderers,
    string? CrdsPolicy,
    IReadOnlyList<NamedRef> DependsOn,
    KubeObject Object)
{
    public string Id => $"{Namespace}/{Name}";

    public static HelmReleaseSpec FromObject(KubeObject obj)
    {
        var spec = obj.Spec;
        var ns = obj.Namespace ?? "default";
        var chartSpec = spec.Map("chart", "spec");
        NamedRef? sourceRef = chartSpec.Map("sourceRef") is { } sr
            ? new NamedRef(sr.Str("kind") ?? string.Empty, sr.Str("name") ?? string.Empty, sr.Str("namespace") ?? ns, ["spec", "chart", "spec", "sourceRef"])
            : null;
        NamedRef? chartRef = spec.Map("chartRef") is { } cr
            ? new NamedRef(cr.Str("kind") ?? string.Empty, cr.Str("name") ?? string.Empty, cr.Str("namespace") ?? ns, ["spec", "chartRef"])
            : null;
        var target = spec.Str("targetNamespace");
        var releaseName = spec.Str("releaseName") ?? (target is null ? obj.Name : $"{target}-{obj.Name}");
        var valuesFrom = spec.Seq("valuesFrom")
            .Select(v => new ValuesFrom(v.Str("kind") ?? "ConfigMap", v.Str("name") ?? string.Empty, v.Str("valuesKey") ?? "values.yaml", v.Str("targetPath"), v.Bool("optional") ?? false, v))
            .ToList();
        return new HelmReleaseSpec(
            obj.Name,
            ns,
            chartSpec.Str("chart"),
            chartSpec.Str("version"),
            sourceRef,
            chartRef,
            releaseName,
            target ?? ns,
            spec.Bool("install", "createNamespace") ?? false,
            spec.Map("values"),
            valuesFrom,
            [.. spec.Seq("postRenderers").Select(p => p.Map("kustomize")).OfType<YamlMapping>()],
            spec.Str("install", "crds"),
            [.. spec.Seq("dependsOn").Select((d, i) => new NamedRef("HelmRelease", d.Str("name") ?? string.Empty, d.Str("namespace") ?? ns, ["spec", "dependsOn", i]))],
            obj);
    }
}

/// <summary>One spec.valuesFrom item.</summary>
public sealed record ValuesFrom(string Kind, string Name, string ValuesKey, string? TargetPath, bool Optional, YamlNode Node);
