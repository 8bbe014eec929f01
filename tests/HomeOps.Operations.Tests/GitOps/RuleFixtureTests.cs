using HomeOps.Core.Diagnostics;

namespace HomeOps.Operations.Tests.GitOps;

/// <summary>
/// One fixture tree per rule (Fixtures/GitOps/&lt;fixture&gt;): each must report exactly the diagnostics its
/// <c>expect</c> file lists, code and location, and nothing else at warning level or above.
/// </summary>
public sealed class RuleFixtureTests
{
    public static TheoryData<string> Fixtures() => [.. FixtureTree.RuleFixtures()];

    [Fact]
    public async Task Validate_BaseTree_IsClean()
    {
        using var tree = FixtureTree.Create("_base");
        var result = await Validation.RunAsync(tree.Root);
        Validation.Lines(result, []).ShouldBeEmpty(string.Join("\n", result.Diagnostics));
        result.Tree!.Kustomizations.Select(k => k.Id).ShouldBe(["flux-system/flux-system", "flux-system/demo", "flux-system/storage"]);
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public async Task Validate_RuleFixture_ReportsExactlyTheExpectedDiagnostics(string fixture)
    {
        using var tree = FixtureTree.Create(fixture);
        tree.Expected.ShouldNotBeEmpty($"{fixture}/expect lists no diagnostic");
        var result = await Validation.RunAsync(tree.Root, tree.Entry, tree.KubernetesVersion);
        var actual = Validation.Lines(result, tree.Expected);
        actual.ShouldBe([.. tree.Expected.Order(StringComparer.Ordinal)], $"{fixture}:\n{string.Join("\n", result.Diagnostics)}");
        result.Diagnostics.ShouldAllBe(d => !string.IsNullOrWhiteSpace(d.Hint));
    }

    [Fact]
    public void Fixtures_CoverEveryGitOpsAndGraphDiagnostic()
    {
        var covered = FixtureTree.RuleFixtures()
            .SelectMany(f => File.ReadAllLines(Path.Combine(FixtureTree.FixturesRoot, f, "expect")))
            .Where(l => l.StartsWith("HO", StringComparison.Ordinal))
            .Select(l => l[..6])
            .Concat(HelmFixtureCodes)
            .Concat(RenderCodes)
            .ToHashSet(StringComparer.Ordinal);
        var missing = DiagnosticCatalog.All
            .Where(d => d.Area is DiagnosticArea.GitOps or DiagnosticArea.Graph && !covered.Contains(d.Code))
            .Select(d => $"{d.Code} {d.Name}")
            .ToList();
        missing.ShouldBeEmpty("every GitOps and graph rule needs a fixture");
    }

    /// <summary>Codes covered by the Helm rendering and chart mirror tests (they need a chart repository, not a static fixture).</summary>
    private static readonly string[] HelmFixtureCodes = ["HO3010", "HO3011", "HO3014", "HO3211"];

    /// <summary>
    /// HO38xx belong to `homeops render` and `homeops bgp router-config` (files derived from cluster.yaml), not to
    /// validate's rules; tests/HomeOps.Core.Tests/Platform and tests/HomeOps.Cli.Tests/Commands cover each of them.
    /// </summary>
    private static readonly string[] RenderCodes = ["HO3801", "HO3802", "HO3803", "HO3804", "HO3805", "HO3806"];
}
