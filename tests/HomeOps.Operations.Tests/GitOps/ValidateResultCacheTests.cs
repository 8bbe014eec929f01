using HomeOps.Operations.GitOps;
using HomeOps.Runtime.Files;
using HomeOps.Runtime.Processes;
using Shouldly;

namespace HomeOps.Operations.Tests.GitOps;

/// <summary>The result cache of validate: an unchanged tree is answered from the cache, any change builds again.</summary>
public sealed class ValidateResultCacheTests : IDisposable
{
    private readonly string _cache = Path.Combine(Path.GetTempPath(), "homeops-result-cache-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_cache))
        {
            Directory.Delete(_cache, recursive: true);
        }
    }

    [Fact]
    public async Task Validate_UnchangedTree_AnswersFromTheCacheWithTheSameDiagnostics()
    {
        using var tree = FixtureTree.Create("image-not-pinned");

        var first = await RunAsync(tree.Root, useCache: true);
        var second = await RunAsync(tree.Root, useCache: true);

        first.Tree.ShouldNotBeNull();
        second.Tree.ShouldBeNull();
        second.Summary().ShouldContain("result from cache");
        Render(second).ShouldBe(Render(first));
        Render(first).ShouldContain(l => l.StartsWith("HO3210 ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Validate_FileChangedOrNoCache_BuildsAgain()
    {
        using var tree = FixtureTree.Create("image-not-pinned");
        await RunAsync(tree.Root, useCache: true);

        var secret = Path.Combine(tree.Root, "apps", "demo", "deployment.yaml");
        File.WriteAllText(secret, File.ReadAllText(secret) + "# changed\n");
        var changed = await RunAsync(tree.Root, useCache: true);
        var uncached = await RunAsync(tree.Root, useCache: false);

        changed.Tree.ShouldNotBeNull();
        uncached.Tree.ShouldNotBeNull();
    }

    private Task<ValidateResult> RunAsync(string root, bool useCache)
    {
        var workspace = Workspace.Locate(PhysicalFileSystem.Instance, root, clusterFile: null);
        var options = new ValidateOptions
        {
            SchemaDirectories = [FixtureTree.SchemaFolder],
            Offline = true,
            CacheDirectory = _cache,
            UseCache = useCache,
            ResultCache = true,
        };
        return new ValidateService(ProcessCommandRunner.Instance, TimeProvider.System).RunAsync(workspace, options, TestContext.Current.CancellationToken);
    }

    private static List<string> Render(ValidateResult result) =>
        [.. result.Diagnostics.Select(d => $"{d.Code} {d.Location.Path}:{d.Location.Line}:{d.Location.Column} {d.Severity} {d.Message} {d.Hint}")];
}
