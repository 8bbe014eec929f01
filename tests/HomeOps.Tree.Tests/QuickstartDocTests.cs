using HomeOps.Core.ClusterConfig;
using HomeOps.Testing;
using HomeOps.Tree.Tests.Tree;

namespace HomeOps.Tree.Tests;

/// <summary>
/// docs/quickstart.md names every 1Password item (and field) the cluster and the bootstrap read, as the tree and the
/// code name them, and the README keeps its first two commands and shows the path from a fork to a cluster.
/// </summary>
public sealed class QuickstartDocTests
{
    private static readonly string[] s_quickstart = File.ReadAllLines(RepositoryPaths.Combine("docs", "quickstart.md"));

    /// <summary>The table rows of the quickstart that name <paramref name="item"/> in their first column.</summary>
    private static List<string> RowsOf(string item) =>
        [.. s_quickstart.Where(l => l.StartsWith($"| `{item}` |", StringComparison.Ordinal))];

    [Fact]
    public async Task Quickstart_NamesEveryItemAndFieldTheTreesExternalSecretsRead()
    {
        var tree = await FluxTree.Repository;
        var references = tree.Objects.Where(o => o.Kind == "ExternalSecret")
            .SelectMany(o => o.Node.Items("spec", "data").Select(d => (Item: d.Text("remoteRef", "key"), Field: d.Text("remoteRef", "property"), Secret: o.Id)))
            .ToList();
        references.Count.ShouldBeGreaterThan(10, "the tree's ExternalSecrets were not found");
        var problems = new List<string>();
        foreach (var (item, field, secret) in references)
        {
            var rows = RowsOf(item!);
            if (rows.Count == 0)
            {
                problems.Add($"{secret}: item '{item}' is not in docs/quickstart.md");
            }
            else if (field is null ? !rows.Exists(r => r.Contains("Document", StringComparison.Ordinal)) : !rows.Exists(r => r.Contains($"`{field}`", StringComparison.Ordinal)))
            {
                problems.Add($"{secret}: item '{item}' is listed without its field '{field ?? "(the Document's file)"}'");
            }
        }

        problems.ShouldBeEmpty();
    }

    [Fact]
    public void Quickstart_NamesTheItemsTheBootstrapReadsWithOp()
    {
        var names = new OnePasswordSettings { Vault = "Automation" };
        RowsOf(names.ConnectCredentialsItemOf("<cluster>")).ShouldHaveSingleItem().ShouldContain("Document");
        RowsOf(names.ConnectTokenItemOf("<cluster>")).ShouldHaveSingleItem().ShouldContain($"`{OnePasswordSettings.ConnectTokenField}`");
        RowsOf(names.TalosSecretsItemOf("<cluster>")).ShouldHaveSingleItem().ShouldContain($"`{OnePasswordSettings.TalosSecretsField}`");
    }

    [Fact]
    public void Readme_KeepsItsFirstTwoCommands_ThenShowsThePathFromAForkToACluster()
    {
        var readme = File.ReadAllText(RepositoryPaths.Combine("README.md"));
        var commands = readme.Split('\n').Where(l => l.StartsWith("./", StringComparison.Ordinal)).Take(2).Select(l => l.Split(' ')[0]).ToList();
        commands.ShouldBe(["./homeops", "./scripts/test.sh"]);
        readme.ShouldContain("./homeops check          # every check");
        readme.ShouldContain("./scripts/test.sh        # installs what the tests need");

        var section = readme[readme.IndexOf("## Make it yours", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("\n## ", 3, StringComparison.Ordinal)];
        string[] path = ["**Fork**", "`./homeops init`", "`./homeops check`", "**Commit and push**", "bgp router-config", "**1Password**", "`./homeops bootstrap`"];
        var positions = path.Select(step => section.IndexOf(step, StringComparison.Ordinal)).ToList();
        positions.ShouldAllBe(p => p >= 0, string.Join(", ", path));
        positions.ShouldBeInOrder(SortDirection.Ascending);
    }
}
