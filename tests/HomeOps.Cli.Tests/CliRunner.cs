using HomeOps.Cli;
using HomeOps.Runtime.Files;

namespace HomeOps.Cli.Tests;

/// <summary>Runs the CLI in-process with captured output, as a user would run `homeops ...` in a folder.</summary>
internal static class CliRunner
{
    public sealed record Result(int ExitCode, string Out, string Error);

    public static async Task<Result> RunAsync(string workingDirectory, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var context = new CliContext(output, error, workingDirectory, PhysicalFileSystem.Instance, TimeProvider.System);
        var code = await HomeOpsCli.RunAsync(args, context, TestContext.Current.CancellationToken);
        return new Result(code, output.ToString(), error.ToString());
    }
}
