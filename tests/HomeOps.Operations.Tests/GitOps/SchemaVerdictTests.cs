using HomeOps.Operations.GitOps;
using Shouldly;

namespace HomeOps.Operations.Tests.GitOps;

/// <summary>
/// Schema verdicts kept between runs (<see cref="SchemaVerdictStore"/>): a run with the verdicts of the last one
/// reports what a run without them reports, and a change to the object or to the CRD that judges it is judged again.
/// </summary>
public sealed class SchemaVerdictTests : IDisposable
{
    private const string Crd = """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata:
          name: widgets.example.com
        spec:
          group: example.com
          scope: Namespaced
          names:
            plural: widgets
            kind: Widget
          versions:
            - name: v1
              served: true
              storage: true
              schema:
                openAPIV3Schema:
                  type: object
                  properties:
                    spec:
                      type: object
                      properties:
                        size: {type: integer}
                        colour: {type: string}

        """;

    private const string Widget = """
        apiVersion: example.com/v1
        kind: Widget
        metadata:
          name: w
        spec:
          size: 3
          colour: red

        """;

    private readonly string _cache = Directory.CreateTempSubdirectory("homeops-verdicts-").FullName;

    public void Dispose() => Directory.Delete(_cache, recursive: true);

    [Fact]
    public async Task Validate_WithTheVerdictsOfTheLastRun_ReportsWhatAFreshRunReports()
    {
        using var tree = FixtureTree.Create("schema-violations");

        var first = await RunAsync(tree.Root, useCache: true);
        var second = await RunAsync(tree.Root, useCache: true);
        var fresh = await RunAsync(tree.Root, useCache: false);

        Directory.EnumerateFiles(Path.Combine(_cache, "schema-verdicts"), "*", SearchOption.AllDirectories).ShouldHaveSingleItem();
        Validation.Everything(first).ShouldContain(l => l.StartsWith("HO310", StringComparison.Ordinal));
        Validation.Everything(second).ShouldBe(Validation.Everything(first));
        Validation.Everything(fresh).ShouldBe(Validation.Everything(first));
    }

    [Fact]
    public async Task Validate_ObjectMovedDownItsFile_ReportsTheViolationAtItsNewLine()
    {
        using var tree = FixtureTree.Create("schema-violations");
        var before = (await RunAsync(tree.Root, useCache: true)).Diagnostics.First(d => d.Code.StartsWith("HO310", StringComparison.Ordinal));

        var deployment = Path.Combine(tree.Root, "apps", "demo", "deployment.yaml");
        File.WriteAllText(deployment, "# a comment\n# and another\n" + File.ReadAllText(deployment));
        var after = (await RunAsync(tree.Root, useCache: true)).Diagnostics.First(d => d.Code == before.Code);

        after.Location.Line.ShouldBe(before.Location.Line + 2);
    }

    [Fact]
    public async Task Validate_CrdOfTheTreeChanges_JudgesTheUnchangedObjectAgain()
    {
        using var tree = FixtureTree.Create("_clean");
        AddWidget(tree);
        tree.Write("apps/demo/widget-crd.yaml", Crd);
        (await RunAsync(tree.Root, useCache: true)).Diagnostics.Where(d => d.Code.StartsWith("HO310", StringComparison.Ordinal)).ShouldBeEmpty();

        tree.Write("apps/demo/widget-crd.yaml", Crd.Replace("colour: {type: string}", "color: {type: string}", StringComparison.Ordinal));
        var result = await RunAsync(tree.Root, useCache: true);

        result.Diagnostics.ShouldContain(d => d.Code == "HO3101" && d.Message.Contains("colour", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Validate_CrdMovedToAnotherFile_NamesItsNewFile()
    {
        using var tree = FixtureTree.Create("_clean");
        AddWidget(tree);
        tree.Write("apps/demo/widget.yaml", Widget.Replace("size: 3", "size: \"3\"", StringComparison.Ordinal));
        tree.Write("apps/demo/widget-crd.yaml", Crd);
        var before = (await RunAsync(tree.Root, useCache: true)).Diagnostics.Single(d => d.Code == "HO3102");
        $"{before.Message} {before.Hint}".ShouldContain("widget-crd.yaml");

        File.Move(Path.Combine(tree.Root, "apps", "demo", "widget-crd.yaml"), Path.Combine(tree.Root, "apps", "demo", "widgets.yaml"));
        var kustomization = Path.Combine(tree.Root, "apps", "demo", "kustomization.yaml");
        File.WriteAllText(kustomization, File.ReadAllText(kustomization).Replace("widget-crd.yaml", "widgets.yaml", StringComparison.Ordinal));
        var after = (await RunAsync(tree.Root, useCache: true)).Diagnostics.Single(d => d.Code == "HO3102");

        $"{after.Message} {after.Hint}".ShouldContain("widgets.yaml");
        $"{after.Message} {after.Hint}".ShouldNotContain("widget-crd.yaml");
    }

    [Fact]
    public async Task Validate_CrdOfASchemaFolderChanges_JudgesTheUnchangedObjectAgain()
    {
        using var tree = FixtureTree.Create("_clean");
        AddWidget(tree, withCrd: false);
        var folder = Path.Combine(_cache, "crds");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "widgets.yaml"), Crd);
        (await RunAsync(tree.Root, useCache: true, folder)).Diagnostics.Where(d => d.Location.Path.EndsWith("widget.yaml", StringComparison.Ordinal)).ShouldBeEmpty();

        File.WriteAllText(Path.Combine(folder, "widgets.yaml"), Crd.Replace("size: {type: integer}", "size: {type: string}", StringComparison.Ordinal));
        var result = await RunAsync(tree.Root, useCache: true, folder);

        result.Diagnostics.ShouldContain(d => d.Code == "HO3102" && d.Location.Path.EndsWith("widget.yaml", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Validate_DamagedVerdicts_AreReadAsNoneAndReplaced()
    {
        using var tree = FixtureTree.Create("schema-violations");
        var first = await RunAsync(tree.Root, useCache: true);
        var stored = Directory.EnumerateFiles(Path.Combine(_cache, "schema-verdicts"), "*", SearchOption.AllDirectories).Single();
        File.WriteAllText(stored, "{\"not\": [");

        var second = await RunAsync(tree.Root, useCache: true);

        Validation.Everything(second).ShouldBe(Validation.Everything(first));
        File.ReadAllText(stored).ShouldStartWith("{\"");
        File.ReadAllText(stored).ShouldNotContain("\"not\"");
    }

    private static void AddWidget(FixtureTree tree, bool withCrd = true)
    {
        tree.Write("apps/demo/widget.yaml", Widget);
        var kustomization = Path.Combine(tree.Root, "apps", "demo", "kustomization.yaml");
        File.AppendAllText(kustomization, withCrd ? "  - widget-crd.yaml\n  - widget.yaml\n" : "  - widget.yaml\n");
    }

    private Task<ValidateResult> RunAsync(string root, bool useCache, string? schemaFolder = null) =>
        Validation.RunAsync(root, cache: _cache, useCache: useCache, schemaFolder: schemaFolder);
}
