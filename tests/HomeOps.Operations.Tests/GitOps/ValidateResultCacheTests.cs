using HomeOps.Operations.GitOps;
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
        Validation.Everything(second).ShouldBe(Validation.Everything(first));
        Validation.Everything(first).ShouldContain(l => l.StartsWith("HO3210 ", StringComparison.Ordinal));
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

    [Fact]
    public async Task Validate_UnchangedOldFiles_ReusesTheirHashesAndStillSeesAnEditOfTheSameSize()
    {
        using var tree = FixtureTree.Create("image-not-pinned");
        var files = Directory.EnumerateFiles(tree.Root, "*", SearchOption.AllDirectories).ToList();
        var hourAgo = DateTime.UtcNow.AddHours(-1);
        files.ForEach(f => File.SetLastWriteTimeUtc(f, hourAgo));
        await RunAsync(tree.Root, useCache: true);

        var timings = new PhaseTimings(TimeProvider.System);
        var warm = await RunAsync(tree.Root, useCache: true, timings);
        warm.Tree.ShouldBeNull();
        var note = timings.Phases.Single(p => p.Phase == "result cache key").Note!;
        var reused = int.Parse(System.Text.RegularExpressions.Regex.Match(note, @"(\d+) file hashes reused").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        reused.ShouldBeGreaterThanOrEqualTo(files.Count(f => !f.Contains($"{Path.DirectorySeparatorChar}.git{Path.DirectorySeparatorChar}", StringComparison.Ordinal)), note);

        // Same size, a time that differs from the remembered one but is older than the list: read again.
        var deployment = Path.Combine(tree.Root, "apps", "demo", "deployment.yaml");
        File.WriteAllText(deployment, File.ReadAllText(deployment).Replace("name:", "nAme:", StringComparison.Ordinal));
        File.SetLastWriteTimeUtc(deployment, hourAgo.AddMinutes(1));
        var edited = await RunAsync(tree.Root, useCache: true);
        edited.Tree.ShouldNotBeNull();
    }

    [Fact]
    public async Task Validate_EditWithinTheRacyWindow_KeepingSizeAndTime_BuildsAgain()
    {
        using var tree = FixtureTree.Create("image-not-pinned");
        var deployment = Path.Combine(tree.Root, "apps", "demo", "deployment.yaml");
        var written = File.GetLastWriteTimeUtc(deployment);
        await RunAsync(tree.Root, useCache: true);

        // The file was written moments before the run remembered it: an edit within the same timestamp is possible,
        // so its remembered time is not trusted.
        File.WriteAllText(deployment, File.ReadAllText(deployment).Replace("name:", "nAme:", StringComparison.Ordinal));
        File.SetLastWriteTimeUtc(deployment, written);
        var edited = await RunAsync(tree.Root, useCache: true);
        edited.Tree.ShouldNotBeNull();
    }

    private Task<ValidateResult> RunAsync(string root, bool useCache, PhaseTimings? timings = null) =>
        Validation.RunAsync(root, cache: _cache, useCache: useCache, resultCache: true, timings: timings);
}
