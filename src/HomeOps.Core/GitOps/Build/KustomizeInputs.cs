using HomeOps.Core.Diagnostics;
using HomeOps.Core.GitOps.Model;
using HomeOps.Core.Yaml;

namespace HomeOps.Core.GitOps.Build;

/// <summary>
/// Finds what a kustomize build of a folder reads, by following kustomization files (resources, components, patches,
/// generators, ...), and reproduces the kustomization Flux generates for a folder that has none.
/// </summary>
public static class KustomizeInputs
{
    public static readonly IReadOnlyList<string> KustomizationFileNames = ["kustomization.yaml", "kustomization.yml", "Kustomization"];

    public static string? KustomizationFile(ISourceTree tree, string directory) =>
        KustomizationFileNames.Select(n => RepoPath.Combine(directory, n)).FirstOrDefault(tree.FileExists);

    /// <summary>
    /// What building a Flux Kustomization reads: its path, and the folders of spec.components (Flux appends them to the
    /// kustomization it builds; they are local paths relative to spec.path).
    /// </summary>
    public static BuildInputs Collect(ISourceTree tree, Flux.FluxKustomization spec, SourceIgnore ignore)
    {
        var ignoreMissing = spec.Object.Spec.Bool("ignoreMissingComponents") ?? false;
        var components = spec.Object.Spec.Seq("components").OfType<YamlScalar>()
            .Select(c => RepoPath.Combine(spec.Path, c.Value))
            .Where(c => !ignoreMissing || tree.DirectoryExists(c) || tree.FileExists(c))
            .ToList();
        return Collect(tree, spec.Path, ignore, components) with { Components = components };
    }

    public static BuildInputs Collect(ISourceTree tree, string path, SourceIgnore ignore, IEnumerable<string>? components = null)
    {
        var files = new SortedSet<string>(StringComparer.Ordinal);
        var remote = new List<string>();
        var visited = new HashSet<string>(StringComparer.Ordinal);
        IReadOnlyList<string>? generated = null;
        if (KustomizationFile(tree, path) is null)
        {
            generated = Generate(tree, path, ignore);
            foreach (var resource in generated)
            {
                if (tree.DirectoryExists(resource))
                {
                    Visit(tree, resource, files, remote, visited);
                }
                else
                {
                    files.Add(resource);
                }
            }
        }
        else
        {
            Visit(tree, path, files, remote, visited);
        }

        foreach (var component in components ?? [])
        {
            Visit(tree, component, files, remote, visited);
        }

        var own = generated is null && KustomizationFile(tree, path) is { } kfile
            ? (YamlReader.ReadAll(tree.ReadText(kfile) ?? string.Empty, kfile, new DiagnosticBag()).FirstOrDefault() as YamlMapping)?.Str("namespace")
            : null;
        return new BuildInputs(path, [.. files], generated, remote) { Namespace = own };
    }

    /// <summary>
    /// Flux's generated resource list (kustomize-controller scanManifests): every .yaml/.yml file under the folder,
    /// except that a subfolder holding a kustomization file is listed as a folder and not descended into.
    /// </summary>
    public static IReadOnlyList<string> Generate(ISourceTree tree, string directory, SourceIgnore ignore)
    {
        var result = new List<string>();
        Scan(tree, directory, ignore, result, depth: 0);
        return result;
    }

    private static void Scan(ISourceTree tree, string directory, SourceIgnore ignore, List<string> result, int depth)
    {
        foreach (var file in tree.Files(directory))
        {
            if (RepoPath.IsYaml(file) && !ignore.IsIgnored(file))
            {
                result.Add(file);
            }
        }

        foreach (var sub in tree.Directories(directory))
        {
            if (ignore.IsIgnored(sub, isDirectory: true) || depth > 32)
            {
                continue;
            }

            if (KustomizationFile(tree, sub) is not null)
            {
                result.Add(sub);
            }
            else
            {
                Scan(tree, sub, ignore, result, depth + 1);
            }
        }
    }

    private static void Visit(ISourceTree tree, string directory, SortedSet<string> files, List<string> remote, HashSet<string> visited)
    {
        if (!visited.Add(directory) || KustomizationFile(tree, directory) is not { } kfile)
        {
            return;
        }

        files.Add(kfile);
        var root = YamlReader.ReadAll(tree.ReadText(kfile) ?? string.Empty, kfile, new DiagnosticBag()).FirstOrDefault() as YamlMapping;
        if (root is null)
        {
            return;
        }

        foreach (var key in (string[])["resources", "bases", "components", "crds", "transformers", "generators", "validators"])
        {
            foreach (var item in root.Seq(key))
            {
                if (item is YamlScalar s)
                {
                    AddReference(tree, directory, s.Value, files, remote, visited);
                }
            }
        }

        foreach (var item in root.Seq("patchesStrategicMerge"))
        {
            if (item is YamlScalar s && !s.Value.Contains('\n', StringComparison.Ordinal))
            {
                AddFile(tree, directory, s.Value, files);
            }
        }

        foreach (var key in (string[])["patches", "patchesJson6902", "replacements"])
        {
            foreach (var item in root.Seq(key))
            {
                if (item.Str("path") is { } p)
                {
                    AddFile(tree, directory, p, files);
                }
            }
        }

        foreach (var key in (string[])["configMapGenerator", "secretGenerator"])
        {
            foreach (var generator in root.Seq(key))
            {
                foreach (var f in generator.Seq("files").Concat(generator.Seq("envs")).OfType<YamlScalar>())
                {
                    var value = f.Value.Contains('=', StringComparison.Ordinal) ? f.Value[(f.Value.IndexOf('=', StringComparison.Ordinal) + 1)..] : f.Value;
                    AddFile(tree, directory, value, files);
                }

                if (generator.Str("env") is { } env)
                {
                    AddFile(tree, directory, env, files);
                }
            }
        }

        if (root.Str("openapi", "path") is { } openapi)
        {
            AddFile(tree, directory, openapi, files);
        }
    }

    private static void AddReference(ISourceTree tree, string directory, string reference, SortedSet<string> files, List<string> remote, HashSet<string> visited)
    {
        if (IsRemote(reference))
        {
            remote.Add(reference);
            return;
        }

        var path = RepoPath.Combine(directory, reference);
        if (tree.DirectoryExists(path))
        {
            Visit(tree, path, files, remote, visited);
        }
        else
        {
            AddFile(tree, directory, reference, files);
        }
    }

    private static void AddFile(ISourceTree tree, string directory, string relative, SortedSet<string> files)
    {
        var path = RepoPath.Combine(directory, relative.Trim());
        if (tree.FileExists(path))
        {
            files.Add(path);
        }
    }

    public static bool IsRemote(string reference) =>
        reference.Contains("://", StringComparison.Ordinal) || reference.StartsWith("github.com/", StringComparison.Ordinal)
        || reference.StartsWith("git@", StringComparison.Ordinal);
}
