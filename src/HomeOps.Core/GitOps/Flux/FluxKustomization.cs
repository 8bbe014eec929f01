using HomeOps.Core.GitOps.Model;
using HomeOps.Core.Yaml;

namespace HomeOps.Core.GitOps.Flux;

/// <summary>A Flux Kustomization (kustomize.toolkit.fluxcd.io/v1) as far as building and checking the tree needs it.</summary>
public sealed record FluxKustomization(
    string Name,
    string Namespace,
    string Path,
    NamedRef? SourceRef,
    IReadOnlyList<NamedRef> DependsOn,
    bool Wait,
    IReadOnlyList<HealthCheck> HealthChecks,
    PostBuild? PostBuild,
    string? TargetNamespace,
    string? NamePrefix,
    string? NameSuffix,
    bool Suspend,
    bool Force,
    KubeObject Object)
{
    /// <summary>"namespace/name", the node name in the dependency graph.</summary>
    public string Id => $"{Namespace}/{Name}";

    public static string IdOf(string @namespace, string name) => $"{@namespace}/{name}";

    public static FluxKustomization FromObject(KubeObject obj)
    {
        var spec = obj.Spec;
        var ns = obj.Namespace ?? "flux-system";
        var dependsOn = spec.Seq("dependsOn")
            .Select((d, i) => new NamedRef("Kustomization", d.Str("name") ?? string.Empty, d.Str("namespace") ?? ns, ["spec", "dependsOn", i]))
            .ToList();
        var healthChecks = spec.Seq("healthChecks")
            .Select((h, i) => new HealthCheck(h.Str("apiVersion") ?? "apps/v1", h.Str("kind") ?? string.Empty, h.Str("name") ?? string.Empty, h.Str("namespace"), i))
            .ToList();
        NamedRef? sourceRef = spec.Map("sourceRef") is { } sr
            ? new NamedRef(sr.Str("kind") ?? string.Empty, sr.Str("name") ?? string.Empty, sr.Str("namespace") ?? ns, ["spec", "sourceRef"])
            : null;
        return new FluxKustomization(
            obj.Name,
            ns,
            NormalizePath(spec.Str("path")),
            sourceRef,
            dependsOn,
            spec.Bool("wait") ?? false,
            healthChecks,
            PostBuild.From(spec.Map("postBuild"), ns),
            spec.Str("targetNamespace"),
            spec.Str("namePrefix"),
            spec.Str("nameSuffix"),
            spec.Bool("suspend") ?? false,
            spec.Bool("force") ?? false,
            obj);
    }

    /// <summary>Flux paths are relative to the source root, written "./a/b", "a/b" or "./"; this returns "a/b" or "".</summary>
    public static string NormalizePath(string? path)
    {
        var p = (path ?? string.Empty).Replace('\\', '/').Trim();
        var parts = new List<string>();
        foreach (var part in p.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part == ".")
            {
                continue;
            }

            if (part == ".." && parts.Count > 0)
            {
                parts.RemoveAt(parts.Count - 1);
                continue;
            }

            parts.Add(part);
        }

        return string.Join('/', parts);
    }
}

/// <summary>One spec.healthChecks item; <see cref="Index"/> locates it in the object.</summary>
public sealed record HealthCheck(string ApiVersion, string Kind, string Name, string? Namespace, int Index);

/// <summary>spec.postBuild: inline variables and the ConfigMaps and Secrets to read more from.</summary>
public sealed record PostBuild(IReadOnlyDictionary<string, YamlEntry> Substitute, IReadOnlyList<NamedRef> SubstituteFrom)
{
    public static PostBuild? From(YamlMapping? node, string ns)
    {
        if (node is null)
        {
            return null;
        }

        var inline = new Dictionary<string, YamlEntry>(StringComparer.Ordinal);
        if (node.Map("substitute") is { } substitute)
        {
            foreach (var entry in substitute.Entries)
            {
                inline[entry.Key.Value] = entry;
            }
        }

        var from = node.Seq("substituteFrom")
            .Select((f, i) => new NamedRef(f.Str("kind") ?? string.Empty, f.Str("name") ?? string.Empty, ns, ["spec", "postBuild", "substituteFrom", i], f.Bool("optional") ?? false))
            .ToList();
        return new PostBuild(inline, from);
    }
}
