namespace HomeOps.Operations.Tests.GitOps;

/// <summary>
/// Trees written the way public home-ops repositories write them (issue 21): each case in Fixtures/GitOps/_clean is
/// laid over the clean base tree and must validate without a single warning or error. Each case is one false
/// positive validate used to report on such trees.
/// </summary>
public sealed class ForeignTreeFalsePositiveTests
{
    public static TheoryData<string> Cases() =>
        [.. Directory.GetDirectories(Path.Combine(FixtureTree.FixturesRoot, "_clean")).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Validate_TreeWrittenLikePublicRepositories_ReportsNothing(string name)
    {
        using var tree = FixtureTree.Create(Path.Combine("_clean", name));
        var result = await Validation.RunAsync(tree.Root, tree.Entry, tree.KubernetesVersion);
        Validation.Lines(result, []).ShouldBeEmpty($"{name}:\n{string.Join("\n", result.Diagnostics)}");
    }
}
