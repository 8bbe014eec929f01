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
    public async Task RunAsync_OutputAndErrorLargerThanAPipe_AreReadWhole()
    {
        // 200 000 bytes on each stream, more than a pipe holds (64 KiB): a runner that read one stream after the other
        // would wait forever.
        var spec = new CommandSpec("sh", ["-c", "head -c 200000 /dev/zero | tr '\\0' o; head -c 200000 /dev/zero | tr '\\0' e >&2; echo done"]);
        var result = await ProcessCommandRunner.Instance.RunAsync(spec, Ct);
        result.StandardOutput.Length.ShouldBe(200_005);
        result.StandardError.Length.ShouldBe(200_000);
    }

    [Fact]
    public async Task RunAsync_ProgramThatExitsWithoutReadingItsInput_IsNoError()
    {
        var spec = new CommandSpec("sh", ["-c", "exit 4"]) { StandardInput = new string('x', 1_000_000) };
        var result = await ProcessCommandRunner.Instance.RunAsync(spec, Ct);
        result.ExitCode.ShouldBe(4);
    }

    [Fact]
    public async Task RunAsync_NullEnvironmentValue_RemovesTheVariable()
    {
        Environment.GetEnvironmentVariable("PATH").ShouldNotBeNull();
        var spec = new CommandSpec("/bin/sh", ["-c", "echo \"[${HOME-unset}]\""]) { Environment = new Dictionary<string, string?> { ["HOME"] = null } };
        var result = await ProcessCommandRunner.Instance.RunAsync(spec, Ct);
        result.StandardOutput.ShouldBe("[unset]\n");
    }

    [Fact]
    public async Task RunAsync_Cancelled_KillsWhatTheProgramStartedAndRethrows()
    {
        var marker = Path.Combine(Path.GetTempPath(), $"homeops-runner-{Guid.NewGuid():N}");
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        cancel.CancelAfter(TimeSpan.FromMilliseconds(500));
        // The child's child would write the marker after 2 s unless it is killed with its parent.
        var spec = new CommandSpec("sh", ["-c", $"(sleep 2; touch {marker}) & wait"]);
        await Should.ThrowAsync<OperationCanceledException>(() => ProcessCommandRunner.Instance.RunAsync(spec, cancel.Token));
        await Task.Delay(TimeSpan.FromSeconds(3), Ct);
        File.Exists(marker).ShouldBeFalse();
    }

    [Fact]
    public void Display_QuotesArgumentsWithSpaces()
    {
        new CommandSpec("op", ["item", "get", "Talos Secrets - home-ops", "--vault", "Automation"]).Display()
            .ShouldBe("op item get 'Talos Secrets - home-ops' --vault Automation");
    }
}
