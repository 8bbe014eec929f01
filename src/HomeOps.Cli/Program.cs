using HomeOps.Cli;

var jit = JitProfile.Start(args);

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

return jit.Exit(await HomeOpsCli.RunAsync(args, CliContext.FromProcess(), cancellation.Token).ConfigureAwait(false));
