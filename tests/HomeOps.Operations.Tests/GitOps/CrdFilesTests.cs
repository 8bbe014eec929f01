using HomeOps.Core.Schema;
using HomeOps.Operations.GitOps;
using HomeOps.Testing;
using Shouldly;

namespace HomeOps.Operations.Tests.GitOps;

/// <summary>Schema-folder CRDs: registered from their text, or from the index the build cache keeps per file content.</summary>
public sealed class CrdFilesTests
{
    private const string File = "/schemas/widgets.yaml";

    private const string Crds = """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata:
          name: widgets.example.com
        spec:
          group: example.com
          scope: Cluster
          names:
            plural: widgets
            kind: Widget
          versions:
            - name: v1
              served: true
              schema:
                openAPIV3Schema: {type: object, properties: {spec: {type: object}}}
        ---
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata: {name: gadgets.example.com}
        spec: {group: example.com, scope: Namespaced, names: {plural: gadgets, kind: Gadget}, versions: [{name: v2, served: true, schema: {openAPIV3Schema: {type: object}}}]}

        """;

    private readonly InMemoryFileSystem _files = new();

    private static string Sha256(string text) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));

    [Fact]
    public void Register_WithoutAnIndex_KnowsEveryKindFromTheText()
    {
        _files.WriteAllTextAtomic(File, Crds);
        var registry = new SchemaRegistry(builtin: null);

        CrdFiles.Register(registry, _files, File, contentHash: null, cache: null);

        registry.IsNamespaced("example.com", "Widget").ShouldBe(false);
        registry.Find("example.com/v1", "Widget").ShouldNotBeNull();
        registry.Find("example.com/v2", "Gadget")!.Namespaced.ShouldBeTrue();
    }

    // Gadget's group and kind are written in flow style, which the index does not read: it is parsed when registered.
    [Fact]
    public void Register_IndexedContent_IsNotReadUntilAKindIsUsed()
    {
        var cache = new BuildCache(_files, "/cache", enabled: true);
        _files.WriteAllTextAtomic(File, Crds);
        var hash = Sha256(Crds);
        CrdFiles.Register(new SchemaRegistry(builtin: null), _files, File, hash, cache);
        _files.DeleteFile(File);

        var registry = new SchemaRegistry(builtin: null);
        CrdFiles.Register(registry, _files, File, hash, cache);

        registry.IsNamespaced("example.com", "Widget").ShouldBe(false);
        registry.Fingerprint("example.com/v1", "Widget")!.Value.Fingerprint.ShouldBe($"crd {hash} 0");
        registry.Find("example.com/v1", "Widget").ShouldBeNull(); // read only now, and gone since it was indexed
    }

    [Fact]
    public void Register_NewContent_IsIndexedAgain()
    {
        var cache = new BuildCache(_files, "/cache", enabled: true);
        _files.WriteAllTextAtomic(File, Crds);
        CrdFiles.Register(new SchemaRegistry(builtin: null), _files, File, Sha256(Crds), cache);
        var sprockets = Crds.Replace("kind: Widget", "kind: Sprocket", StringComparison.Ordinal);
        _files.WriteAllTextAtomic(File, sprockets);

        var registry = new SchemaRegistry(builtin: null);
        CrdFiles.Register(registry, _files, File, Sha256(sprockets), cache);

        registry.IsNamespaced("example.com", "Widget").ShouldBeNull();
        registry.Find("example.com/v1", "Sprocket").ShouldNotBeNull();
    }

    [Fact]
    public void Register_FileChangedSinceItWasHashed_IsNotIndexedUnderTheOldHash()
    {
        var cache = new BuildCache(_files, "/cache", enabled: true);
        var hashed = Sha256(Crds);
        _files.WriteAllTextAtomic(File, Crds.Replace("kind: Widget", "kind: Sprocket", StringComparison.Ordinal));
        var registry = new SchemaRegistry(builtin: null);
        CrdFiles.Register(registry, _files, File, hashed, cache);
        registry.IsNamespaced("example.com", "Sprocket").ShouldBe(false); // judged by what was read

        _files.DeleteFile(File);
        var next = new SchemaRegistry(builtin: null);
        CrdFiles.Register(next, _files, File, hashed, cache);

        next.IsNamespaced("example.com", "Sprocket").ShouldBeNull();
        next.IsNamespaced("example.com", "Widget").ShouldBeNull();
    }
}
