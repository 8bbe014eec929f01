namespace HomeOps.Fakes.Programs;

public sealed record FakeResult(int ExitCode, string StandardOutput = "", string StandardError = "")
{
    public static FakeResult Ok(string output = "") => new(0, output);

    public static FakeResult Error(string message, int exitCode = 1) => new(exitCode, "", message);
}
