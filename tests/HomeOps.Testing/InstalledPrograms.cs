using HomeOps.Runtime.Processes;

namespace HomeOps.Testing;

/// <summary>
/// Runs a real program a test needs (kubectl, helm, yamllint, mosquitto, ...). A program that is not installed fails
/// the test with the way to install it, never a skip: scripts/test.sh installs every one of them.
/// </summary>
public static class InstalledPrograms
{
    public static async Task<CommandResult> RunAsync(CommandSpec spec, string install, CancellationToken cancellationToken = default)
    {
        try
        {
            return await ProcessCommandRunner.Instance.RunAsync(spec, cancellationToken).ConfigureAwait(false);
        }
        catch (ToolNotFoundException e)
        {
            throw new Xunit.Sdk.XunitException($"{e.Program} is not installed; {install}");
        }
    }
}
