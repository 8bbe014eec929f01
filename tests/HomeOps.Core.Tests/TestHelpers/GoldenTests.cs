using HomeOps.Testing;
using Xunit.Sdk;

namespace HomeOps.Core.Tests.TestHelpers;

/// <summary>The golden-file helper every generated-YAML test relies on: an update is a rewrite plus a failure, never a silent pass.</summary>
public sealed class GoldenTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("homeops-golden-").FullName;

    private string File1 => Path.Combine(_folder, "out.golden");

    [Fact]
    public void Assert_UpdateModeAndOutputDiffers_RewritesTheFileAndFails()
    {
        File.WriteAllText(File1, "old\n");

        var e = Should.Throw<XunitException>(() => Golden.Assert("new\n", File1, updating: true));

        File.ReadAllText(File1).ShouldBe("new\n");
        e.Message.ShouldContain("was rewritten");
        e.Message.ShouldContain("git diff");
    }

    [Fact]
    public void Assert_UpdateModeAndFileMissing_CreatesItAndFails()
    {
        var e = Should.Throw<XunitException>(() => Golden.Assert("new\n", File1, updating: true));

        File.ReadAllText(File1).ShouldBe("new\n");
        e.Message.ShouldContain("was created");
    }

    [Fact]
    public void Assert_UpdateModeAndOutputEqual_PassesWithoutWriting()
    {
        File.WriteAllText(File1, "same\n");
        var written = File.GetLastWriteTimeUtc(File1);

        Golden.Assert("same\r\n", File1, updating: true);

        File.GetLastWriteTimeUtc(File1).ShouldBe(written);
    }

    [Fact]
    public void Assert_OutputDiffers_FailsNamingTheFirstDifferenceAndKeepsTheFile()
    {
        File.WriteAllText(File1, "a\nb\n");

        var e = Should.Throw<XunitException>(() => Golden.Assert("a\nc\n", File1, updating: false));

        File.ReadAllText(File1).ShouldBe("a\nb\n");
        File.ReadAllText(File1 + ".actual").ShouldBe("a\nc\n");
        e.Message.ShouldContain("First difference at line 2");
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
