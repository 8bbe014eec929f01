using HomeOps.Operations.GitOps;
using Shouldly;

namespace HomeOps.Operations.Tests.GitOps;

/// <summary>
/// validate keeps the YAML it parsed between runs: the next run reads it back instead of parsing it, and reports
/// exactly what a run without any cache reports (places, messages and hints included).
/// </summary>
public sealed class ParsedYamlStoreTests : IDisposable
{
    private readonly string _cache = Path.Combine(Path.GetTempPath(), "homeops-parsed-yaml-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_cache))
        {
            Directory.Delete(_cache, recursive: true);
        }
    }

    [Theory]
    [InlineData("image-not-pinned")]
    [InlineData("namespace-not-specified")]
    [InlineData("placeholder-left")]
    [InlineData("object-undecodable")]
    [InlineData("kustomize-build-failed-yaml")]
    [InlineData("substitution-variable-undefined")]
    public async Task Validate_SecondRun_ReadsTheParsedYamlBack_AndReportsWhatAnUncachedRunReports(string fixture)
    {
        using var tree = FixtureTree.Create(fixture);
        await Validation.RunAsync(tree.Root, cache: _cache);

        var timings = new PhaseTimings(TimeProvider.System);
        var second = await Validation.RunAsync(tree.Root, cache: _cache, timings: timings);
        var uncached = await Validation.RunAsync(tree.Root, cache: _cache, useCache: false);

        var note = timings.Phases.Single(p => p.Phase == "parsed YAML kept").Note!;
        int.Parse(note.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThan(0, note);
        Validation.Everything(second).ShouldBe(Validation.Everything(uncached));
        Validation.Everything(uncached).ShouldNotBeEmpty();
    }

    [Fact]
    public async Task Validate_DamagedPack_IsReadAsEmpty_AndReplaced()
    {
        using var tree = FixtureTree.Create("image-not-pinned");
        var expected = Validation.Everything(await Validation.RunAsync(tree.Root, cache: _cache));
        var pack = Directory.EnumerateFiles(Path.Combine(_cache, "parsed-yaml"), "*.bin", SearchOption.AllDirectories).Single();
        var bytes = File.ReadAllBytes(pack);
        bytes[^1] ^= 0xFF;
        File.WriteAllBytes(pack, bytes);

        var timings = new PhaseTimings(TimeProvider.System);
        var damaged = await Validation.RunAsync(tree.Root, cache: _cache, timings: timings);

        Validation.Everything(damaged).ShouldBe(expected);
        timings.Phases.Single(p => p.Phase == "parsed YAML kept").Note!.ShouldStartWith("0 texts");
        File.ReadAllBytes(pack).ShouldNotBe(bytes);
        var again = new PhaseTimings(TimeProvider.System);
        await Validation.RunAsync(tree.Root, cache: _cache, timings: again);
        again.Phases.Single(p => p.Phase == "parsed YAML kept").Note!.ShouldNotStartWith("0 texts");
    }

    [Fact]
    public async Task Validate_WithoutTheCache_KeepsNoParsedYaml()
    {
        using var tree = FixtureTree.Create("image-not-pinned");

        await Validation.RunAsync(tree.Root, cache: _cache, useCache: false);

        Directory.Exists(Path.Combine(_cache, "parsed-yaml")).ShouldBeFalse();
    }
}
