using System.Text;
using HomeOps.Core.Diagnostics;
using HomeOps.Core.GitOps.Build;
using HomeOps.Core.Yaml;

namespace HomeOps.Core.GitOps.Kustomize;

/// <summary>
/// Builds a kustomization in-process, printing exactly what `kubectl kustomize --load-restrictor
/// LoadRestrictionsNone` prints for it (kustomize v5, api/internal/target/kusttarget.go): resources, components,
/// namespace, strategic-merge patches of custom resources, configMapGenerator (name hash included), origin annotations and the
/// legacy order. Spawning kubectl costs more than the whole build of a plain Kustomization; whatever this class does
/// not reproduce byte for byte comes back as <see cref="KustomizeBuildResult.Unsupported"/> for the real kustomize.
/// </summary>
/// <remarks>
/// Paths: the root kustomization is the overlay HomeOps writes for a Flux Kustomization, whose paths into the
/// repository start with <see cref="RootPrefix"/>; its origin annotations then read "__ROOT__/path/in/repo".
/// </remarks>
public sealed class KustomizeBuilder
{
    public const string RootPrefix = "__ROOT__";

    private readonly ISourceTree _tree;
    private readonly HashSet<string> _inProgress = new(StringComparer.Ordinal);

    private KustomizeBuilder(ISourceTree tree) => _tree = tree;

    /// <summary>Builds <paramref name="kustomization"/>, a kustomization that lives outside the repository.</summary>
    public static KustomizeBuildResult Build(ISourceTree tree, string kustomization)
    {
        try
        {
            var builder = new KustomizeBuilder(tree);
            var root = KustomizationFile.Parse(kustomization, "kustomization.yaml");
            if (root.IsComponent)
            {
                throw new KustomizeUnsupportedException("a Component at the root");
            }

            var resources = builder.Accumulate(root, directory: null, into: [], origins: root.OriginAnnotations);
            return new KustomizeBuildResult(Print(resources), null);
        }
        catch (KustomizeUnsupportedException e)
        {
            return new KustomizeBuildResult(null, e.Message);
        }
    }

    private static string Print(List<KustomizeResource> resources)
    {
        ConfigMapHash.Apply(resources);
        CheckNoBackReferences(resources);
        resources.Sort(LegacyOrder.Instance);
        var text = new StringBuilder();
        foreach (var resource in resources)
        {
            if (text.Length > 0)
            {
                text.Append("---\n");
            }

            text.Append(KustomizeYamlWriter.Write(resource.Body));
        }

        return text.ToString();
    }

    /// <summary>
    /// kusttarget.accumulateTarget: resources, then generators, then components (which add to the same list), then
    /// this kustomization's transformers over everything gathered so far.
    /// </summary>
    /// <param name="directory">The kustomization's folder in the repository; null for the root overlay.</param>
    private List<KustomizeResource> Accumulate(KustomizationFile file, string? directory, List<KustomizeResource> into, bool origins)
    {
        foreach (var entry in file.Resources)
        {
            var path = Resolve(directory, entry);
            if (_tree.FileExists(path))
            {
                into.AddRange(LoadFile(path, origins));
            }
            else if (_tree.DirectoryExists(path))
            {
                into.AddRange(AccumulateDirectory(path, isComponent: false, [], origins));
            }
            else
            {
                throw new KustomizeUnsupportedException($"the missing resource '{entry}'");
            }
        }

        foreach (var generator in file.ConfigMapGenerators)
        {
            var resource = ConfigMapGeneration.Generate(generator, file.GeneratorOptions, p => ReadFile(Resolve(directory, p)));
            if (origins)
            {
                var configuredIn = directory is null ? "kustomization.yaml" : Origin(RepoPath.Combine(directory, KustomizationFileName(directory)));
                resource.SetOrigin($"configuredIn: {configuredIn}\nconfiguredBy:\n  apiVersion: builtin\n  kind: ConfigMapGenerator\n");
            }

            into.Add(resource);
        }

        foreach (var entry in file.Components)
        {
            var path = Resolve(directory, entry);
            if (!_tree.DirectoryExists(path))
            {
                throw new KustomizeUnsupportedException($"the missing component '{entry}'");
            }

            into = AccumulateDirectory(path, isComponent: true, into, origins);
        }

        CheckUniqueIds(into);
        foreach (var entry in file.Patches)
        {
            KustomizePatch.Parse(entry, p => ReadFile(Resolve(directory, p))).Apply(into);
        }

        if (file.Namespace is { } ns)
        {
            NamespaceTransform.Apply(into, ns);
        }

        CheckUniqueIds(into);
        return into;
    }

    private List<KustomizeResource> AccumulateDirectory(string directory, bool isComponent, List<KustomizeResource> into, bool origins)
    {
        var name = KustomizationFileName(directory);
        if (!_inProgress.Add(directory))
        {
            throw new KustomizeUnsupportedException($"a cycle through '{directory}'");
        }

        try
        {
            var file = KustomizationFile.Parse(ReadFile(RepoPath.Combine(directory, name)), RepoPath.Combine(directory, name));
            if (file.IsComponent != isComponent)
            {
                throw new KustomizeUnsupportedException($"'{directory}' is {(file.IsComponent ? "a Component listed as a resource" : "not a Component")}");
            }

            return Accumulate(file, directory, into, origins);
        }
        finally
        {
            _inProgress.Remove(directory);
        }
    }

    private IEnumerable<KustomizeResource> LoadFile(string path, bool origins)
    {
        var bag = new DiagnosticBag();
        var documents = YamlReader.ReadAll(ReadFile(path), path, bag);
        if (bag.Items.Count > 0)
        {
            throw new KustomizeUnsupportedException($"the YAML of '{path}'");
        }

        foreach (var document in documents)
        {
            if (document is YamlScalar { IsNull: true } or YamlMapping { Entries.Count: 0 })
            {
                continue;
            }

            if (document is not YamlMapping mapping)
            {
                throw new KustomizeUnsupportedException($"a document of '{path}' that is not a mapping");
            }

            var resource = KustomizeResource.FromDocument(mapping);
            if (origins)
            {
                resource.SetOrigin($"path: {Origin(path)}\n");
            }

            yield return resource;
        }
    }

    private string ReadFile(string path) => _tree.ReadText(path) ?? throw new KustomizeUnsupportedException($"the unreadable file '{path}'");

    private string KustomizationFileName(string directory)
    {
        var found = KustomizeInputs.KustomizationFileNames.Where(n => _tree.FileExists(RepoPath.Combine(directory, n))).ToList();
        return found.Count == 1 ? found[0] : throw new KustomizeUnsupportedException($"'{directory}' has {found.Count} kustomization files");
    }

    /// <summary>A path of a kustomization in <paramref name="directory"/> (null: the root overlay), as a repository path.</summary>
    private static string Resolve(string? directory, string entry)
    {
        if (KustomizeInputs.IsRemote(entry) || entry.StartsWith('/'))
        {
            throw new KustomizeUnsupportedException($"the remote or absolute path '{entry}'");
        }

        string path;
        if (directory is null)
        {
            if (entry != RootPrefix && !entry.StartsWith(RootPrefix + "/", StringComparison.Ordinal))
            {
                throw new KustomizeUnsupportedException($"the overlay path '{entry}'");
            }

            path = RepoPath.Normalize(entry[RootPrefix.Length..]);
        }
        else
        {
            path = RepoPath.Combine(directory, entry);
        }

        return path == ".." || path.StartsWith("../", StringComparison.Ordinal) ? throw new KustomizeUnsupportedException($"the path '{entry}' outside the repository") : path;
    }

    /// <summary>The origin annotation's path: kustomize joins the resource paths from the root overlay and cleans them.</summary>
    private static string Origin(string path)
    {
        var origin = path.Length == 0 ? RootPrefix : $"{RootPrefix}/{path}";
        return origin.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '/' or '-' or '+')
            ? origin
            : throw new KustomizeUnsupportedException($"the path '{path}' (kustomize would quote it)");
    }

    /// <summary>kustomize refuses two resources with one id (resWrangler.Append, the namespace transformer's check).</summary>
    private static void CheckUniqueIds(List<KustomizeResource> resources)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var r in resources)
        {
            if (!seen.Add(r.IsClusterScoped ? $"{r.Group}|{r.Version}|{r.Kind}|{r.CurrentName}" : r.CurrentId))
            {
                throw new KustomizeUnsupportedException($"two resources with the id {r.CurrentId}");
            }
        }
    }

    /// <summary>
    /// kustomize's FixBackReferences rewrites references that name a whole object (RBAC subjects, webhook services):
    /// without renames it only adds namespaces there, which the real kustomize does.
    /// </summary>
    private static void CheckNoBackReferences(List<KustomizeResource> resources)
    {
        bool Has(params string[] kinds) => resources.Any(r => kinds.Contains(r.Kind));
        if ((Has("RoleBinding", "ClusterRoleBinding") && Has("ServiceAccount")) || (Has("MutatingWebhookConfiguration", "ValidatingWebhookConfiguration") && Has("Service"))
            || (Has("StorageClass") && Has("Secret")) || Has("Node"))
        {
            throw new KustomizeUnsupportedException("a reference kustomize completes with the namespace of the object it names (RBAC subjects, webhook services)");
        }
    }
}

/// <summary>The output of an in-process build, or why the real kustomize must build it.</summary>
public sealed record KustomizeBuildResult(string? Output, string? Unsupported);
