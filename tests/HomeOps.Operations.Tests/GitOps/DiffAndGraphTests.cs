using HomeOps.Core.GitOps.Output;
using HomeOps.Operations.GitOps;
using HomeOps.Runtime.Files;
using HomeOps.Runtime.Processes;
using HomeOps.Testing;

namespace HomeOps.Operations.Tests.GitOps;

/// <summary>`homeops diff` between two commits of a temporary git repository, and `homeops graph` of the same tree.</summary>
public sealed class DiffAndGraphTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Diff_TwoCommits_ShowsTheChangedObjectUnderItsKustomization()
    {
        using var tree = await CommittedTreeAsync();
        Edit(tree, "apps/demo/deployment.yaml", "replicas: 1", "replicas: 3");
        tree.Write("apps/demo/settings.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  mode: fast\n");
        Edit(tree, "apps/demo/kustomization.yaml", "  - claim.yaml\n", "  - claim.yaml\n  - settings.yaml\n");

        var result = await DiffAsync(tree, changedOnly: false);

        result.Diagnostics.ShouldBeEmpty();
        result.Changes.Select(c => $"{c.Kind} {c.Group} {c.Object}").ShouldBe(
            ["+ Kustomization flux-system/demo ConfigMap/demo/settings", "~ Kustomization flux-system/demo Deployment/demo/web"]);
        result.Changes[1].Diff.ShouldContain("-  replicas: 1\n+  replicas: 3");
        result.ComparedKustomizations.ShouldBe(3);
    }

    [Fact]
    public async Task Diff_ChangedOnly_ComparesOnlyTheKustomizationWhoseInputsChanged()
    {
        using var tree = await CommittedTreeAsync();
        Edit(tree, "infrastructure/storage/storage-class.yaml", "reclaimPolicy: Retain", "reclaimPolicy: Delete");

        var result = await DiffAsync(tree, changedOnly: true);

        result.ComparedKustomizations.ShouldBe(1);
        result.Changes.ShouldHaveSingleItem().Group.ShouldBe("Kustomization flux-system/storage");

        // The second run reuses the base worktree (moved, not re-created) and sees the same thing.
        Edit(tree, "apps/demo/deployment.yaml", "replicas: 1", "replicas: 2");
        var again = await DiffAsync(tree, changedOnly: true);
        again.ComparedKustomizations.ShouldBe(2);
        again.Changes.Select(c => c.Group).ShouldBe(["Kustomization flux-system/demo", "Kustomization flux-system/storage"]);
        DiffWriter.Write(result.Changes, "base", "head", markdown: true, limitBytes: null).ShouldContain("```diff");
    }

    [Fact]
    public async Task Diff_NoChanges_IsEmpty_AndAnUnknownBaseIsADiagnostic()
    {
        using var tree = await CommittedTreeAsync();
        (await DiffAsync(tree, changedOnly: false)).Changes.ShouldBeEmpty();
        var unknown = await new DiffService(ProcessCommandRunner.Instance, TimeProvider.System)
            .RunAsync(Workspace(tree), new DiffOptions { Base = "no-such-branch" }, Ct);
        unknown.Diagnostics.ShouldHaveSingleItem().Code.ShouldBe("HO0105");
    }

    [Fact]
    public void DiffWriter_LimitBytes_CutsWholeGroupsAndSaysSo()
    {
        var changes = Enumerable.Range(0, 50).Select(i => new ObjectChange($"Kustomization g{i:00}", "ConfigMap/x", '~', new string('x', 500) + "\n")).ToList();
        var text = DiffWriter.Write(changes, "a", "b", markdown: true, limitBytes: 5000);
        System.Text.Encoding.UTF8.GetByteCount(text).ShouldBeLessThanOrEqualTo(5000);
        text.ShouldContain("more change(s) not shown");
    }

    [Fact]
    public async Task Graph_BaseTree_TextMermaidDotAndSvg()
    {
        using var tree = FixtureTree.Create("_helm", new Dictionary<string, string>
        {
            ["{{CHART_REPO}}"] = "http://127.0.0.1:9", ["{{CHART_VERSION}}"] = "1.0.0", ["{{IMAGE_TAG}}"] = "1.0.0", ["{{WIDGET_SIZE}}"] = "3",
        });
        var (graph, diagnostics) = await new GraphService(ProcessCommandRunner.Instance, TimeProvider.System)
            .RunAsync(Workspace(tree), new ValidateOptions { CacheDirectory = Validation.SharedCache }, Ct);
        diagnostics.ShouldBeEmpty();
        Golden.Assert(GraphWriter.Text(graph!), "tests/HomeOps.Operations.Tests/GitOps/Golden/graph.txt");
        Golden.Assert(GraphWriter.Mermaid(graph!), "tests/HomeOps.Operations.Tests/GitOps/Golden/graph.mmd");
        Golden.Assert(GraphWriter.Dot(graph!), "tests/HomeOps.Operations.Tests/GitOps/Golden/graph.dot");
        var svg = await new HomeOps.Runtime.Tools.GraphvizTool(ProcessCommandRunner.Instance).DrawSvgAsync(GraphWriter.Dot(graph!), Ct);
        svg.Succeeded.ShouldBeTrue(svg.ErrorSummary());
        svg.StandardOutput.ShouldContain("<svg");
        svg.StandardOutput.ShouldContain("widget&#45;operator");
    }

    private static async Task<DiffResult> DiffAsync(FixtureTree tree, bool changedOnly) =>
        await new DiffService(ProcessCommandRunner.Instance, TimeProvider.System).RunAsync(Workspace(tree), new DiffOptions
        {
            ChangedOnly = changedOnly,
            Render = new ValidateOptions { Offline = true, CacheDirectory = Validation.SharedCache },
        }, Ct);

    private static Workspace Workspace(FixtureTree tree) => Operations.Workspace.Locate(PhysicalFileSystem.Instance, tree.Root, clusterFile: null);

    private static void Edit(FixtureTree tree, string file, string from, string to)
    {
        var path = Path.Combine(tree.Root, file);
        var text = File.ReadAllText(path);
        text.ShouldContain(from);
        File.WriteAllText(path, text.Replace(from, to, StringComparison.Ordinal));
    }

    private static async Task<FixtureTree> CommittedTreeAsync()
    {
        var tree = FixtureTree.Create("_base");
        foreach (var args in new[] { new[] { "init", "-q" }, ["add", "-A"], ["-c", "user.email=test@example.com", "-c", "user.name=test", "commit", "-qm", "base"] })
        {
            var result = await ProcessCommandRunner.Instance.RunAsync(new CommandSpec("git", ["-C", tree.Root, .. args]), Ct);
            result.Succeeded.ShouldBeTrue(result.ErrorSummary());
        }

        return tree;
    }
}
