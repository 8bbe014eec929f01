using HomeOps.Cli;

JitProfile.Start(args);

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

return await HomeOpsCli.RunAsync(args, CliContext.FromProcess(), cancellation.Token).ConfigureAwait(false);
