using HomeOps.Runtime.Files;

namespace HomeOps.Cli.Tests.Status;

/// <summary>
/// `homeops status --watch`: a report, then after each --interval on the command's clock another one under a
/// "--- HH:mm:ss ---" line, each costing one list per kind; interrupting it during the wait ends it with the last
/// report's exit code and no error.
/// </summary>
public sealed class StatusWatchTests
{
    [Fact]
    public async Task StatusWatch_TwoIntervals_TwoReportsOneListPerKindEach()
    {
        await using var fixture = await StatusFixture.StartAsync();
        fixture.HealTalos();
        using var buffer = new StringWriter();
        var output = TextWriter.Synchronized(buffer);
        var context = new CliContext(output, output, fixture.Folder.Path, PhysicalFileSystem.Instance, fixture.Time) { Environment = _ => null, Commands = fixture.Commands };
        using var interrupt = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var reports = () => buffer.ToString().Split('\n').Count(l => l.StartsWith("status: ", StringComparison.Ordinal));

        var run = HomeOpsCli.RunAsync(["status", "--watch", "--interval", "30", "--kubeconfig", fixture.Kubeconfig], context, interrupt.Token);
        await WaitUntilAsync(() => reports() == 1);
        fixture.Time.GetUtcNow().ShouldBe(StatusFixture.Now, "nothing waits on the clock before the first report");
        var firstReadRequests = fixture.ListRequests;
        while (reports() < 2)
        {
            // The command may not be waiting yet; advancing again only moves the clock on.
            fixture.Time.Advance(TimeSpan.FromSeconds(30));
            await WaitUntilAsync(() => reports() == 2, TimeSpan.FromSeconds(2), throwOnTimeout: false);
        }

        await interrupt.CancelAsync();
        var exitCode = await run;

        var text = buffer.ToString();
        text.ShouldMatch(@"\n--- \d\d:\d\d:\d\d ---\nTalos \[");
        text.Split("--- ").Length.ShouldBe(2, "one separator between the two reports");
        fixture.ListRequests.ShouldBe(2 * firstReadRequests, "each read lists every kind once");
        firstReadRequests.ShouldBe(fixture.Kinds.Count);
        exitCode.ShouldBe(1, "the last report had something unhealthy");
        text.ShouldNotContain("OperationCanceledException");
    }

    private static async Task WaitUntilAsync(Func<bool> condition, TimeSpan? timeout = null, bool throwOnTimeout = true)
    {
        var deadline = TimeProvider.System.GetUtcNow() + (timeout ?? TimeSpan.FromSeconds(60));
        while (!condition())
        {
            if (TimeProvider.System.GetUtcNow() > deadline)
            {
                if (throwOnTimeout)
                {
                    throw new TimeoutException("the watch did not print the expected report in time");
                }

                return;
            }

            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }
}
