using HomeOps.Core.Diagnostics;
using HomeOps.Core.Yaml;

namespace HomeOps.Core.Tests.Yaml;

public sealed class YamlContentHashTests
{
    private static string Hash(string yaml) => YamlContentHash.Of(YamlReader.ReadAll(yaml, "t.yaml", new DiagnosticBag())[0]);

    [Fact]
    public void Of_SameContentElsewhereOrWrittenOtherwise_IsTheSame()
    {
        Hash("a: 1\nb: [x, y]\n").ShouldBe(Hash("\n\n# moved down\na:   1\nb:\n  - x\n  - y\n"));
        Hash("a: {b: c}\n").ShouldBe(Hash("a:\n  b: c\n"));
    }

    [Theory]
    [InlineData("port: 80\n", "port: \"80\"\n")]
    [InlineData("a: bc\n", "ab: c\n")]
    [InlineData("a: 1\nb: 2\n", "b: 2\na: 1\n")]
    [InlineData("a: [x, y]\n", "a: [xy]\n")]
    [InlineData("a: {b: c}\n", "a: [b, c]\n")]
    [InlineData("a: !!str 1\n", "a: 1\n")]
    [InlineData("a: >\n  x\n", "a: |\n  x\n")]
    public void Of_DifferentContent_Differs(string one, string other) =>
        Hash(one).ShouldNotBe(Hash(other));
}
