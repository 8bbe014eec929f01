using HomeOps.Operations.GitOps;
using Shouldly;

namespace HomeOps.Operations.Tests.GitOps;

/// <summary>
/// The files earlier runs found clean (<see cref="CleanFilesStore"/>): skipped unread while their content is the
/// same, read again once it changes; a file with findings is judged every run.
/// </summary>
public sealed class CleanFilesTests : IDisposable
{
    private readonly string _cache = Directory.CreateTempSubdirectory("homeops-clean-files-").FullName;

    public void Dispose() => Directory.Delete(_cache, recursive: true);

    [Fact]
    public async Task SecretScan_CleanFileGainsAToken_IsReadAgainAndReported()
    {
        using var tree = FixtureTree.Create("token-in-repository");
        tree.Write("scripts/other.txt", "nothing to see here\n");
        var first = await RunAsync(tree.Root);
        first.Diagnostics.Where(d => d.Code == "HO3209").Select(d => d.Location.Path).ShouldBe(["scripts/notes.txt"]);
        Directory.EnumerateFiles(Path.Combine(_cache, "clean-files"), "*", SearchOption.AllDirectories).ShouldHaveSingleItem();

        var token = File.ReadAllText(Path.Combine(tree.Root, "scripts", "notes.txt")).Split(": ")[1].Trim(); // the fixture's fake token
        tree.Write("scripts/other.txt", $"nothing to see here\nexcept {token}\n");
        var second = await RunAsync(tree.Root);

        second.Diagnostics.Where(d => d.Code == "HO3209").Select(d => d.Location.Path).ShouldBe(["scripts/notes.txt", "scripts/other.txt"]);
        Validation.Everything(await RunAsync(tree.Root, useCache: false)).ShouldBe(Validation.Everything(second));
    }

    [Fact]
    public async Task SecretScan_FileWithAFinding_IsReportedEveryRun()
    {
        using var tree = FixtureTree.Create("token-in-repository");
        var first = await RunAsync(tree.Root);

        Touch(tree); // the result cache misses; the list of clean files is used
        var second = await RunAsync(tree.Root);

        second.Tree.ShouldNotBeNull();
        Validation.Everything(second).ShouldBe(Validation.Everything(first));
        Validation.Everything(second).ShouldContain(l => l.StartsWith("HO3209 scripts/notes.txt", StringComparison.Ordinal));
    }

    [Fact]
    public async Task FluxEntries_CleanFileBecomesAnEntry_IsReadAgainAndReported()
    {
        using var tree = FixtureTree.Create("other-flux-entries-not-validated");
        tree.Write("clusters/third/settings.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n");
        (await RunAsync(tree.Root)).Diagnostics.Single(d => d.Code == "HO3020").Message.ShouldContain("clusters/other");

        tree.Write("clusters/third/settings.yaml", File.ReadAllText(Path.Combine(tree.Root, "clusters", "other", "flux-instance.yaml")).Replace("clusters/other", "clusters/third", StringComparison.Ordinal));
        var second = await RunAsync(tree.Root);

        second.Diagnostics.Single(d => d.Code == "HO3020").Message.ShouldContain("clusters/other, clusters/third");
    }

    [Fact]
    public async Task Placeholders_CleanFileGainsOne_IsReadAgainAndReported()
    {
        using var tree = FixtureTree.Create("placeholder-left");
        var first = await RunAsync(tree.Root);
        first.Diagnostics.Where(d => d.Code == "HO3243").Select(d => d.Location.Path).Distinct().ShouldBe(["apps/demo/network.yaml"]);

        var claim = Path.Combine(tree.Root, "apps", "demo", "claim.yaml");
        File.WriteAllText(claim, File.ReadAllText(claim) + "  # storageClassName: CHANGE_ME\n  volumeMode: REPLACE_ME\n");
        var second = await RunAsync(tree.Root);

        second.Diagnostics.Where(d => d.Code == "HO3243").Select(d => d.Location.Path).Distinct().ShouldBe(["apps/demo/claim.yaml", "apps/demo/network.yaml"]);
    }

    private static void Touch(FixtureTree tree)
    {
        var deployment = Path.Combine(tree.Root, "apps", "demo", "deployment.yaml");
        File.AppendAllText(deployment, "# touched\n");
    }

    private Task<ValidateResult> RunAsync(string root, bool useCache = true) =>
        Validation.RunAsync(root, cache: _cache, useCache: useCache, resultCache: true);
}
