using HomeOps.Core.GitOps.Rules;

namespace HomeOps.Core.Tests.GitOps;

public sealed class CleanFilesTests
{
    [Fact]
    public void WasClean_OnlyForTheSameContent()
    {
        var clean = new CleanFiles(f => f == "a.txt" ? "h2" : "h1", ["secret-scan h1 a.txt", "secret-scan h1 b.txt", "secret-scan h1 b.txt"]);

        clean.WasClean("secret-scan", "a.txt").ShouldBeFalse(); // its content changed
        clean.WasClean("secret-scan", "b.txt").ShouldBeTrue();
        clean.WasClean("placeholders", "b.txt").ShouldBeFalse(); // another check
        new CleanFiles().WasClean("secret-scan", "b.txt").ShouldBeFalse(); // no hashes known: always read
    }

    [Fact]
    public void Keep_DropsWhatWasAddedForAFileThatChangedWhileItWasRead()
    {
        var clean = new CleanFiles(f => "h-" + f, ["secret-scan h-old.txt old.txt", "secret-scan h-unused.txt unused.txt"]);
        clean.WasClean("secret-scan", "old.txt").ShouldBeTrue();
        clean.MarkClean("secret-scan", "a.txt");
        clean.MarkClean("secret-scan", "b.txt");

        clean.Keep(changedSinceHashed: f => f is "b.txt" or "old.txt").Order(StringComparer.Ordinal)
            .ShouldBe(["secret-scan h-a.txt a.txt", "secret-scan h-old.txt old.txt"]);
    }
}
