using System.Text.Json.Nodes;
using HomeOps.Core.Diagnostics;
using HomeOps.Operations.Bootstrap.Tree;
using HomeOps.Runtime.Kubernetes;
using HomeOps.Runtime.Tools;

namespace HomeOps.Operations.Bootstrap.Steps;

/// <summary>
/// Installs one core chart with helm exactly as its HelmRelease in the tree describes it (release name, namespace,
/// chart, version, values), so Flux later adopts the release. Skipped when that version is deployed already.
/// Cilium is the CNI: its step also waits (watching Nodes) until every node turns Ready.
/// </summary>
public sealed class ChartStep(CoreChart chart, string dependsOn) : BootstrapStep
{
    public override string Name => BootstrapSteps.Chart(chart.Name);

    public override string Description => $"install {chart.Display} as release {chart.Namespace}/{chart.Release}";

    public override IReadOnlyList<string> DependsOn => [dependsOn];

    public override async Task<bool> IsDoneAsync(BootstrapContext context, CancellationToken cancellationToken)
    {
        var result = await context.RunAsync(Helm.Status(chart.Release, chart.Namespace, context.Paths.Kubeconfig), cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            return false;
        }

        var status = JsonNode.Parse(result.StandardOutput);
        return status?["info"]?["status"]?.GetValue<string>() == "deployed" && status["chart"]?["metadata"]?["version"]?.GetValue<string>() == chart.Version;
    }

    public override async Task RunAsync(BootstrapContext context, CancellationToken cancellationToken)
    {
        var result = await context.RunAsync(Install(context), cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            throw BootstrapContext.Fail(DiagnosticCatalog.HelmInstallFailed.At(chart.Location, chart.Display, result.ErrorSummary(2)));
        }
    }

    public override Task WaitAsync(BootstrapContext context, CancellationToken cancellationToken) =>
        chart.Name != CoreCharts.Cni ? Task.CompletedTask : Waits.WatchAsync(context, "every node to turn Ready once the CNI runs", KubeResource.Nodes, null, nodes =>
        {
            var notReady = context.Cluster.Nodes.Select(n => n.Name)
                .Where(name => !nodes.Any(n => n["metadata"]?["name"]?.GetValue<string>() == name && IsReady(n))).ToList();
            return (notReady.Count == 0, "NotReady: " + string.Join(", ", notReady));
        }, cancellationToken);

    private static bool IsReady(JsonObject node) =>
        node["status"]?["conditions"] is JsonArray conditions
        && conditions.Any(c => c?["type"]?.GetValue<string>() == "Ready" && c["status"]?.GetValue<string>() == "True");

    // helm talks to the same address as every other client: a node until the VIP answers.
    private Runtime.Processes.CommandSpec Install(BootstrapContext context)
    {
        var spec = Helm.UpgradeInstall(chart.Release, chart.Chart, chart.Repository, chart.Version, chart.Namespace, context.Paths.Kubeconfig, chart.ValuesYaml, context.Options.ChartTimeout);
        return spec with { Arguments = [.. spec.Arguments, "--kube-apiserver", context.ApiServer.ToString().TrimEnd('/')] };
    }

    public override IEnumerable<string> Plan(BootstrapContext context)
    {
        yield return Helm.Status(chart.Release, chart.Namespace, context.Paths.Kubeconfig).Display() + $"  (skip when {chart.Version} is deployed)";
        yield return Install(context).Display() + $"  < values of {chart.Location.Path}:{chart.Location.Line} after Flux substitution ({ValuesDigest(chart.ValuesYaml)})";
        if (chart.Name == CoreCharts.Cni)
        {
            yield return "watch nodes until every node is Ready";
        }
    }

    /// <summary>"sha256:0123456789ab, 97 lines": enough to compare the values with what `validate` renders.</summary>
    public static string ValuesDigest(string values) =>
        $"sha256:{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(values)))[..12]}, {values.Count(c => c == '\n')} lines";
}
