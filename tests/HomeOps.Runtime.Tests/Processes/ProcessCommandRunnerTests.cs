using HomeOps.Runtime.Processes;

namespace HomeOps.Runtime.Tests.Processes;

public sealed class ProcessCommandRunnerTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RunAsync_CapturesOutputErrorAndExitCode()
    {
        var result = await ProcessCommandRunner.Instance.RunAsync(new CommandSpec("sh", ["-c", "echo out; echo err >&2; exit 3"]), Ct);
        result.ExitCode.ShouldBe(3);
        result.Succeeded.ShouldBeFalse();
        result.StandardOutput.ShouldBe("out\n");
        result.StandardError.ShouldBe("err\n");
        result.ErrorSummary().ShouldBe("err");
    }

    [Fact]
    public async Task RunAsync_PassesStandardInputEnvironmentAndWorkingDirectory()
    {
        var spec = new CommandSpec("sh", ["-c", "cat; echo \"$GREETING\"; pwd"])
        {
            StandardInput = "from-stdin\n",
            Environment = new Dictionary<string, string?> { ["GREETING"] = "hello" },
            WorkingDirectory = "/tmp",
        };
        var result = await ProcessCommandRunner.Instance.RunAsync(spec, Ct);
        result.StandardOutput.ShouldBe("from-stdin\nhello\n/tmp\n");
    }

    [Fact]
    public async Task RunAsync_MissingProgram_ThrowsToolNotFound()
    {
        var e = await Should.ThrowAsync<ToolNotFoundException>(() => ProcessCommandRunner.Instance.RunAsync(new CommandSpec("homeops-no-such-tool", []), Ct));
        e.Program.ShouldBe("homeops-no-such-tool");
    }

    [Fact]
    public async Task RunAsync_Timeout_KillsAndThrows()
    {
        var spec = new CommandSpec("sleep", ["30"]) { Timeout = TimeSpan.FromMilliseconds(300) };
        var started = DateTime.UtcNow;
        await Should.ThrowAsync<CommandTimeoutException>(() => ProcessCommandRunner.Instance.RunAsync(spec, Ct));
        (DateTime.UtcNow - started).ShouldBeLessThan(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task RunAsync_Secrets_AreRedactedFromOutputAndDisplay()
    {
        var spec = new CommandSpec("sh", ["-c", "echo token=s3cr3t-value >&2; echo s3cr3t-value"]) { Secrets = ["s3cr3t-value"] };
        var result = await ProcessCommandRunner.Instance.RunAsync(spec, Ct);
        result.StandardOutput.ShouldBe("***\n");
        result.StandardError.ShouldBe("token=***\n");
        spec.Display().ShouldNotContain("s3cr3t-value");
    }

    [Fact]
    public void Display_QuotesArgumentsWithSpaces()
    {
        new CommandSpec("op", ["item", "get", "Talos Secrets - home-ops", "--vault", "Automation"]).Display()
            .ShouldBe("op item get 'Talos Secrets - home-ops' --vault Automation");
    }
}
