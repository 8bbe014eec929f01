using HomeOps.Core.GitOps.Output;

namespace HomeOps.Core.Tests.GitOps;

public sealed class LineDiffTests
{
    [Fact]
    public void Unified_EqualTexts_Empty() => LineDiff.Unified("a\nb\n", "a\nb\n").ShouldBe(string.Empty);

    [Fact]
    public void Unified_OneLineChanged_OneHunkWithThreeLinesOfContext()
    {
        var before = string.Join('\n', Enumerable.Range(1, 10).Select(i => $"line {i}")) + "\n";
        var after = before.Replace("line 5\n", "line five\n", StringComparison.Ordinal);

        LineDiff.Unified(before, after).ShouldBe(
            "@@ -2,7 +2,7 @@\n line 2\n line 3\n line 4\n-line 5\n+line five\n line 6\n line 7\n line 8\n");
    }

    [Fact]
    public void Unified_AddedAndDeletedObjects_AllLinesOneSide()
    {
        LineDiff.Unified(string.Empty, "kind: A\nname: x\n").ShouldBe("@@ -1,0 +1,2 @@\n+kind: A\n+name: x\n");
        LineDiff.Unified("kind: A\n", string.Empty).ShouldBe("@@ -1,1 +1,0 @@\n-kind: A\n");
    }

    [Fact]
    public void Unified_FarApartChanges_TwoHunks()
    {
        var before = string.Join('\n', Enumerable.Range(1, 30).Select(i => $"l{i}")) + "\n";
        var after = before.Replace("l3\n", "L3\n", StringComparison.Ordinal).Replace("l27\n", "L27\n", StringComparison.Ordinal);

        var diff = LineDiff.Unified(before, after);

        diff.Split('\n').Count(l => l.StartsWith("@@", StringComparison.Ordinal)).ShouldBe(2);
        diff.ShouldContain("-l3\n+L3\n");
        diff.ShouldContain("-l27\n+L27\n");
    }

    [Fact]
    public void Unified_LargeObjectWithOneChange_ShowsOnlyThatChange()
    {
        // A ConfigMap of a dashboard: 6000 lines, one edited. An O(n·m) table would need 36 million cells here.
        var before = string.Join('\n', Enumerable.Range(1, 6000).Select(i => $"  \"panel{i}\": {i},")) + "\n";
        var after = before.Replace("\"panel3000\": 3000,", "\"panel3000\": 3001,", StringComparison.Ordinal);

        var diff = LineDiff.Unified(before, after);

        diff.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(1 + 3 + 2 + 3);
        diff.ShouldStartWith("@@ -2997,7 +2997,7 @@\n");
    }
}
