using System.Text.RegularExpressions;
using HomeOps.Core.Diagnostics;
using HomeOps.Core.Talos.Patches;
using HomeOps.Testing;

namespace HomeOps.Core.Tests.Talos;

/// <summary>
/// One patch file per Talos validation rule in Fixtures/Talos/invalid, rendered with the repository's cluster.yaml (plus
/// a worker, mini04) and patches. Each file says where it goes (<c># scope: worker</c>) and what it must produce
/// (<c># expect: HO2230 at 9:9</c>): exactly those codes, at those places in the fixture.
/// </summary>
public sealed partial class TalosRuleFixtureTests
{
    private static readonly string s_folder = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Talos", "invalid");

    private static readonly Lazy<Core.ClusterConfig.ClusterDefinition> s_withWorker = new(() => TalosTestCluster.Config(
        File.ReadAllText(RepositoryPaths.ClusterFile).Replace(
            "    address: 172.29.51.13\n    role: controlplane\n",
            "    address: 172.29.51.13\n    role: controlplane\n  - name: mini04\n    address: 172.29.51.14\n    role: worker\n",
            StringComparison.Ordinal)));

    public static TheoryData<string> Fixtures() => [.. Directory.GetFiles(s_folder, "*.yaml").Select(f => Path.GetFileNameWithoutExtension(f)!).Order()];

    [Fact]
    public void Render_ClusterWithWorkerAndNoFixture_HasNoDiagnostics()
    {
        var result = TalosTestCluster.Render(s_withWorker.Value, withSecrets: false);
        result.Nodes.Select(n => n.Main.StringAt("machine.type")).ShouldBe(["controlplane", "controlplane", "controlplane", "worker"]);
        result.Diagnostics.ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Render_InvalidFixture_ReportsExactlyTheExpectedDiagnostics(string fixture)
    {
        var text = File.ReadAllText(Path.Combine(s_folder, fixture + ".yaml"));
        var scope = ScopeRegex().Match(text) is { Success: true } m ? m.Groups["scope"].Value : "all";
        var path = $"talos/patches/{scope}/{fixture}.yaml";
        var expected = ExpectRegex().Matches(text).Select(e => $"{e.Groups["code"].Value} at {e.Groups["line"].Value}:{e.Groups["col"].Value}").Order().ToList();
        expected.ShouldNotBeEmpty($"{fixture} declares no '# expect:' line");

        var bag = new DiagnosticBag();
        var patch = TalosTestCluster.Patch(text, scope switch { "worker" => PatchScope.Worker, "controlplane" => PatchScope.ControlPlane, _ => PatchScope.All }, path: path, diagnostics: bag);
        bag.Items.ShouldBeEmpty();
        var result = TalosTestCluster.Render(s_withWorker.Value, [.. TalosTestCluster.RepositoryPatches(), patch], withSecrets: false);

        // A rule that names the node reports once per node, all at the same place: one place, one expectation.
        var actual = result.Diagnostics.Select(d => $"{d.Code} at {d.Location.Line}:{d.Location.Column}").Distinct().Order().ToList();
        actual.ShouldBe(expected, $"{fixture}:\n{string.Join("\n", result.Diagnostics)}");
        result.Diagnostics.ShouldAllBe(d => d.Location.Path == path && !string.IsNullOrWhiteSpace(d.Hint));
    }

    [Fact]
    public void Fixtures_CoverEveryTalosValidationRule()
    {
        var covered = Directory.GetFiles(s_folder, "*.yaml")
            .SelectMany(f => ExpectRegex().Matches(File.ReadAllText(f)).Select(m => m.Groups["code"].Value))
            .ToHashSet();
        var missing = TalosRuleCodes().Where(d => !covered.Contains(d.Code)).Select(d => $"{d.Code} {d.Name}").ToList();
        missing.ShouldBeEmpty("every Talos validation rule (HO2230-HO2259) needs a fixture");
    }

    [Fact]
    public void DocsTalos_CitesTheUpstreamSourceOfEveryRule()
    {
        var doc = File.ReadAllText(RepositoryPaths.Combine("docs", "talos.md"));
        foreach (var d in TalosRuleCodes())
        {
            // A table row: | HO2230 `vip-on-worker` | what | upstream file:line |
            var row = doc.Split('\n').FirstOrDefault(l => l.StartsWith($"| {d.Code} ", StringComparison.Ordinal));
            row.ShouldNotBeNull($"docs/talos.md has no row for {d.Code} {d.Name}");
            row.ShouldContain(d.Name);
            UpstreamLineRegex().IsMatch(row).ShouldBeTrue($"the row of {d.Code} cites no upstream file:line");
        }
    }

    internal static IEnumerable<DiagnosticDescriptor> TalosRuleCodes() =>
        DiagnosticCatalog.All.Where(d => string.CompareOrdinal(d.Code, "HO2230") >= 0 && string.CompareOrdinal(d.Code, "HO2259") <= 0);

    [GeneratedRegex(@"^# expect: (?<code>HO\d{4}) at (?<line>\d+):(?<col>\d+)\s*$", RegexOptions.Multiline)]
    private static partial Regex ExpectRegex();

    [GeneratedRegex(@"^# scope: (?<scope>all|controlplane|worker)\s*$", RegexOptions.Multiline)]
    private static partial Regex ScopeRegex();

    [GeneratedRegex(@"`[\w./-]+\.go:\d+(-\d+)?`")]
    private static partial Regex UpstreamLineRegex();
}
