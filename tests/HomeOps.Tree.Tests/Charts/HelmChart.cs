using HomeOps.Runtime.Processes;
using HomeOps.Testing;

namespace HomeOps.Tree.Tests.Charts;

/// <summary>`helm template` of a chart of this repository (helm 3: scripts/install-test-dependencies.sh puts it in .tools/bin).</summary>
internal static class HelmChart
{
    public static async Task<CommandResult> TemplateAsync(string chart, string releaseName, string ns, string? extraValues = null, params string[] sets)
    {
        List<string> arguments = ["template", releaseName, RepositoryPaths.Combine("charts", chart), "--namespace", ns];
        string? valuesFile = null;
        if (extraValues is not null)
        {
            valuesFile = Path.Combine(Path.GetTempPath(), $"homeops-values-{Guid.NewGuid():N}.yaml");
            await File.WriteAllTextAsync(valuesFile, extraValues);
            arguments.AddRange(["--values", valuesFile]);
        }

        foreach (var set in sets)
        {
            arguments.AddRange(["--set", set]);
        }

        try
        {
            var spec = new CommandSpec("helm", arguments) { WorkingDirectory = RepositoryPaths.Root, Timeout = TimeSpan.FromMinutes(1) };
            return await ProcessCommandRunner.Instance.RunAsync(spec, TestContext.Current.CancellationToken);
        }
        catch (ToolNotFoundException)
        {
            throw new Xunit.Sdk.XunitException("helm is not installed; run scripts/install-test-dependencies.sh (it puts helm 3 into .tools/bin, which scripts/test.sh adds to PATH)");
        }
        finally
        {
            if (valuesFile is not null)
            {
                File.Delete(valuesFile);
            }
        }
    }
}
