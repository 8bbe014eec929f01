using HomeOps.Core.GitOps.Build;

namespace HomeOps.Core.Tests.GitOps;

/// <summary>
/// How a build's output is cut into documents: the exact text of each one matters, since it is parsed (and found
/// again in the parse cache by its text) and substituted as it is.
/// </summary>
public sealed class BuildOutputSplitTests
{
    [Theory]
    [InlineData("a: 1\n---\nb: 2\n", new[] { "a: 1\n", "b: 2\n\n" })]
    [InlineData("---\r\na: 1\r\n--- # x\r\n\r\n---\nb: 2", new[] { "a: 1\n", "b: 2\n" })]
    [InlineData("----\nc: 3", new[] { "----\nc: 3\n" })]
    [InlineData("  ---\nd: 4\n---   \ne: 5", new[] { "  ---\nd: 4\n", "e: 5\n" })]
    [InlineData("", new string[0])]
    [InlineData("---\n \n---\n\t\n", new string[0])]
    public void SplitDocuments_CutsAtSeparatorLines_AndKeepsEachDocumentsLines(string output, string[] expected) =>
        BuildOutput.SplitDocuments(output).ShouldBe(expected);
}
