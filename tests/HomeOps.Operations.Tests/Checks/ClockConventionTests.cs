using System.Text.RegularExpressions;
using HomeOps.Testing;

namespace HomeOps.Operations.Tests.Checks;

/// <summary>
/// HomeOps.Core and HomeOps.Operations read time only through an injected TimeProvider: the wall clock and the system
/// TimeProvider are banned for both (BannedSymbols.txt at the root and in each project), and no source works around it.
/// </summary>
public sealed partial class ClockConventionTests
{
    private static readonly string[] s_projects = ["HomeOps.Core", "HomeOps.Operations"];

    private static readonly string[] s_clockSymbols =
        ["P:System.DateTime.Now", "P:System.DateTime.UtcNow", "P:System.DateTimeOffset.Now", "P:System.DateTimeOffset.UtcNow", "P:System.TimeProvider.System"];

    [Theory]
    [InlineData("HomeOps.Core")]
    [InlineData("HomeOps.Operations")]
    public void BannedSymbols_ForProject_BanEveryClockButTheInjectedOne(string project)
    {
        var banned = new[] { RepositoryPaths.Combine("BannedSymbols.txt"), RepositoryPaths.Combine("src", project, "BannedSymbols.txt") }
            .Where(File.Exists)
            .SelectMany(File.ReadAllLines)
            .Select(l => l.Split(';')[0].Trim())
            .ToHashSet(StringComparer.Ordinal);
        s_clockSymbols.Where(s => !banned.Contains(s)).ShouldBeEmpty($"{project} must ban these clock symbols");
    }

    [Fact]
    public void Sources_OfCoreAndOperations_ReadNoClockButTheInjectedOne()
    {
        var offenders = s_projects
            .SelectMany(p => Directory.EnumerateFiles(RepositoryPaths.Combine("src", p), "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => File.ReadAllLines(f).Select((line, i) => (File: f, Line: i + 1, Text: line)))
            .Where(l => ClockRegex().IsMatch(l.Text))
            .Select(l => $"{Path.GetRelativePath(RepositoryPaths.Root, l.File)}:{l.Line}: {l.Text.Trim()}")
            .ToList();
        offenders.ShouldBeEmpty();
    }

    // The clock itself, and suppressing the banned-API analyzer (RS0030) to reach it.
    [GeneratedRegex(@"\b(DateTime|DateTimeOffset)\.(Now|UtcNow|Today)\b|\bTimeProvider\.System\b|\bRS0030\b")]
    private static partial Regex ClockRegex();
}
