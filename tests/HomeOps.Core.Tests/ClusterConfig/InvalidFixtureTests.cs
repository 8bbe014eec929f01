using System.Text.RegularExpressions;
using HomeOps.Core.ClusterConfig;

namespace HomeOps.Core.Tests.ClusterConfig;

/// <summary>
/// One fixture per rule in Fixtures/ClusterConfig/invalid. Each file states what it must produce in its header:
/// <c># expect: HO1101 at 22:7</c>. The diagnostics must match exactly: no more, no fewer, same places.
/// </summary>
public sealed partial class InvalidFixtureTests
{
    private static readonly string s_folder = Path.Combine(AppContext.BaseDirectory, "Fixtures", "ClusterConfig", "invalid");

    public static TheoryData<string> Fixtures() => [.. Directory.GetFiles(s_folder, "*.yaml").Select(f => Path.GetFileNameWithoutExtension(f)!).Order()];

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Load_InvalidFixture_ReportsExactlyTheExpectedDiagnostics(string fixture)
    {
        var path = Path.Combine(s_folder, fixture + ".yaml");
        var text = File.ReadAllText(path);
        var expected = ExpectRegex().Matches(text).Select(m => m.Groups["line"].Success
            ? $"{m.Groups["code"].Value} at {m.Groups["line"].Value}:{m.Groups["col"].Value}"
            : m.Groups["code"].Value).Order().ToList();
        expected.ShouldNotBeEmpty($"{fixture} declares no '# expect:' line");

        var result = ClusterConfigLoader.Load(text, fixture + ".yaml");

        var actual = result.Diagnostics.Select(d => expected.Contains(d.Code) ? d.Code : $"{d.Code} at {d.Location.Line}:{d.Location.Column}").Order().ToList();
        actual.ShouldBe(expected, $"{fixture}:\n{string.Join("\n", result.Diagnostics)}");
        result.Diagnostics.ShouldAllBe(d => d.Location.Path == fixture + ".yaml" && !string.IsNullOrWhiteSpace(d.Hint));
        (result.Config is null).ShouldBe(result.HasErrors);
    }

    [Fact]
    public void Fixtures_CoverAtLeastTwentyFiveRules()
    {
        var codes = Directory.GetFiles(s_folder, "*.yaml")
            .SelectMany(f => ExpectRegex().Matches(File.ReadAllText(f)).Select(m => m.Groups["code"].Value))
            .ToHashSet();
        codes.Count.ShouldBeGreaterThanOrEqualTo(25);
    }

    [Fact]
    public void Fixtures_CoverEveryClusterConfigDiagnostic()
    {
        var covered = Directory.GetFiles(s_folder, "*.yaml")
            .SelectMany(f => ExpectRegex().Matches(File.ReadAllText(f)).Select(m => m.Groups["code"].Value))
            .ToHashSet();
        var missing = HomeOps.Core.Diagnostics.DiagnosticCatalog.All
            .Where(d => d.Area == HomeOps.Core.Diagnostics.DiagnosticArea.ClusterConfig && !covered.Contains(d.Code))
            .Select(d => $"{d.Code} {d.Name}")
            .ToList();
        missing.ShouldBeEmpty("every cluster.yaml rule needs an invalid fixture");
    }

    [GeneratedRegex(@"^# expect: (?<code>HO\d{4})(?: at (?<line>\d+):(?<col>\d+))?\s*$", RegexOptions.Multiline)]
    private static partial Regex ExpectRegex();
}
