using HomeOps.Runtime.Processes;
using HomeOps.Runtime.Tools;
using HomeOps.Testing;

namespace HomeOps.Tree.Tests.Charts;

/// <summary>`helm template` of a chart of this repository (helm 3: scripts/install-test-dependencies.sh puts it in .tools/bin).</summary>
internal static class HelmChart
{
    public static async Task<CommandResult> TemplateAsync(string chart, string releaseName, string ns, string? extraValues = null, params string[] sets)
    {
        var request = new HelmTemplateRequest(releaseName, RepositoryPaths.Combine("charts", chart), ns) { ValuesYaml = extraValues, Sets = sets };
        return await InstalledPrograms.RunAsync(Helm.Template(request), "run scripts/install-test-dependencies.sh (it puts helm 3 into .tools/bin, which scripts/test.sh adds to PATH)", TestContext.Current.CancellationToken);
    }
}
