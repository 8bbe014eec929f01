using HomeOps.Core.Graph;

namespace HomeOps.Core.Tests.Graph;

public sealed class DependencyGraphTests
{
    private static DependencyGraph<string> Build(params (string From, string To)[] edges)
    {
        var graph = new DependencyGraph<string>();
        foreach (var (from, to) in edges)
        {
            graph.Add(from, from);
            graph.Add(to, to);
        }

        foreach (var (from, to) in edges)
        {
            graph.AddDependency(from, to);
        }

        return graph;
    }

    [Fact]
    public void Levels_Chain_OrdersDependenciesFirst()
    {
        var graph = Build(("apps", "database"), ("database", "storage"), ("identity", "database"), ("storage", "sources"));
        graph.Levels().Select(l => string.Join(",", l)).ShouldBe(["sources", "storage", "database", "apps,identity"]);
        graph.Depths()["apps"].ShouldBe(3);
        graph.TopologicalOrder().First().ShouldBe("sources");
    }

    [Fact]
    public void FindCycle_ReturnsClosedPath()
    {
        var graph = Build(("a", "b"), ("b", "c"), ("c", "a"), ("d", "a"));
        var cycle = graph.FindCycle();
        cycle.ShouldNotBeNull();
        cycle[0].ShouldBe(cycle[^1]);
        cycle.Distinct().OrderBy(x => x).ShouldBe(["a", "b", "c"]);
        Should.Throw<InvalidOperationException>(() => graph.Levels()).Message.ShouldContain("→");
    }

    [Fact]
    public void FindCycle_SelfDependency_IsCycle()
    {
        var graph = Build(("a", "a"));
        graph.FindCycle().ShouldBe(["a", "a"]);
    }

    [Fact]
    public void FindCycle_Acyclic_ReturnsNull()
    {
        Build(("a", "b"), ("a", "c"), ("b", "c")).FindCycle().ShouldBeNull();
    }

    [Fact]
    public void Ancestors_AreTransitive()
    {
        var graph = Build(("apps", "database"), ("database", "storage"), ("storage", "sources"), ("other", "sources"));
        graph.Ancestors("apps").OrderBy(x => x).ShouldBe(["database", "sources", "storage"]);
        graph.DependentsOf("sources").ShouldBe(["storage", "other"]);
    }

    [Fact]
    public void FindCycle_LongChain_DoesNotOverflowStack()
    {
        var graph = new DependencyGraph<int>();
        for (var i = 0; i < 50_000; i++)
        {
            graph.Add($"n{i}", i);
            if (i > 0)
            {
                graph.AddDependency($"n{i}", $"n{i - 1}");
            }
        }

        graph.FindCycle().ShouldBeNull();
        graph.Levels().Count.ShouldBe(50_000);
    }
}
