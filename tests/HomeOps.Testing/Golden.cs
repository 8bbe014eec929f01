namespace HomeOps.Testing;

/// <summary>
/// Golden-file assertions: the expected output lives in a file in the repository. Set HOMEOPS_UPDATE_GOLDEN=1 to
/// rewrite a file that differs from the actual output; the test still fails, so an update is always a diff someone
/// reviews (git diff) before the next run passes.
/// </summary>
public static class Golden
{
    public static bool Updating => Environment.GetEnvironmentVariable("HOMEOPS_UPDATE_GOLDEN") is "1" or "true";

    /// <param name="repositoryRelativePath">Where the golden file lives, relative to the repository root.</param>
    public static void Assert(string actual, string repositoryRelativePath) => Assert(actual, repositoryRelativePath, Updating);

    /// <summary>The assertion with the update switch given (tests of this class pass it; others read the environment).</summary>
    public static void Assert(string actual, string repositoryRelativePath, bool updating)
    {
        var path = RepositoryPaths.Combine(repositoryRelativePath);
        actual = actual.Replace("\r\n", "\n", StringComparison.Ordinal);
        var expected = File.Exists(path) ? File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal) : null;
        if (expected == actual)
        {
            return;
        }

        if (updating)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual);
            throw new Xunit.Sdk.XunitException(
                $"Golden file {repositoryRelativePath} was {(expected is null ? "created" : "rewritten")} (HOMEOPS_UPDATE_GOLDEN is set). " +
                "Review the change with git diff, then run the tests again without HOMEOPS_UPDATE_GOLDEN.");
        }

        if (expected is null)
        {
            throw new Xunit.Sdk.XunitException($"Golden file {repositoryRelativePath} does not exist. Run the tests with HOMEOPS_UPDATE_GOLDEN=1 to create it, then review it.");
        }

        var actualPath = path + ".actual";
        File.WriteAllText(actualPath, actual);
        throw new Xunit.Sdk.XunitException(
            $"Output differs from golden file {repositoryRelativePath}.\n{FirstDifference(expected, actual)}\n" +
            $"Compare: diff -u {path} {actualPath}\nAccept: HOMEOPS_UPDATE_GOLDEN=1 (the run rewrites the file and fails; review with git diff)");
    }

    private static string FirstDifference(string expected, string actual)
    {
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        for (var i = 0; i < Math.Max(e.Length, a.Length); i++)
        {
            var el = i < e.Length ? e[i] : "<end of file>";
            var al = i < a.Length ? a[i] : "<end of file>";
            if (el != al)
            {
                return $"First difference at line {i + 1}:\n  expected: {el}\n  actual:   {al}";
            }
        }

        return "Files differ only in line endings.";
    }
}
