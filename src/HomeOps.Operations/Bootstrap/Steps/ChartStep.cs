using System.Text.Json.Nodes;
using HomeOps.Core.Diagnostics;
using HomeOps.Operations.Bootstrap.Tree;
using HomeOps.Operations.Recovery.HelmReleases;
using HomeOps.Runtime.Kubernetes;
using HomeOps.Runtime.Tools;

namespace HomeOps.Operations.Bootstrap.Steps;

/// <summary>
/// Installs one core chart with helm exactly as its HelmRelease in the tree describes it (release name, namespace,
/// chart, version, values), so Flux later adopts the release. Skipped when that version is deployed already.
/// Cilium is the CNI: its step also waits (watching Nodes) until every node turns Ready. A release an interrupted
/// run left pending is repaired first; a --wait that times out is reported with what the cluster says is wrong.
/// </summary>
public sealed class ChartStep(CoreChart chart, string dependsOn) : BootstrapStep
{
    /// <summary>The release's status as `helm status` last read it (null: no release).</summary>
    private string? _status;

    /// <summary>One step per core chart: "chart-cilium", "chart-external-secrets", ...</summary>
    public static string StepName(string chartName) => "chart-" + chartName;

    public override string Name => StepName(chart.Name);

    public override string Description => $"install {chart.Display} as release {chart.Namespace}/{chart.Release}";

    public override IReadOnlyList<string> DependsOn => [dependsOn];

    public override async Task<bool> IsDoneAsync(BootstrapContext context, CancellationToken cancellationToken)
    {
        _status = null;
        var result = await context.RunAsync(Helm.Status(chart.Release, chart.Namespace, context.Paths.Kubeconfig), cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            return false;
        }

        var status = JsonNode.Parse(result.StandardOutput);
        _status = status?["info"]?["status"]?.GetValue<string>();
        return _status == "deployed" && status?["chart"]?["metadata"]?["version"]?.GetValue<string>() == chart.Version;
    }

    public override async Task RunAsync(BootstrapContext context, CancellationToken cancellationToken)
    {
        if (_status?.StartsWith("pending-", StringComparison.Ordinal) == true)
        {
            await RepairPendingAsync(context, cancellationToken).ConfigureAwait(false);
        }

        var result = await context.RunAsync(Install(context), cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            // pkg/kube/wait.go: --wait gives up at --timeout with "context deadline exceeded" and nothing more; say what the cluster reports.
            throw BootstrapContext.Fail(result.ErrorSummary(2).Contains("context deadline exceeded", StringComparison.Ordinal)
                ? await NotReadyAsync(context, cancellationToken).ConfigureAwait(false)
                : DiagnosticCatalog.HelmInstallFailed.At(chart.Location, chart.Display, result.ErrorSummary(2)));
        }
    }

    /// <summary>
    /// A release an interrupted run left pending-install or pending-upgrade blocks every later helm operation
    /// ("another operation (install/upgrade/rollback) is in progress"): roll it back to its last deployed revision, or
    /// uninstall it when none ever deployed, as `recovery helmrelease reset` does (the same history reading and commands).
    /// </summary>
    private async Task RepairPendingAsync(BootstrapContext context, CancellationToken cancellationToken)
    {
        var target = new HelmReleaseTarget(chart.Namespace, chart.Release, chart.Release, chart.Namespace);
        var id = $"{chart.Namespace}/{chart.Release}";
        var hint = $"{chart.Release} --namespace {chart.Namespace}";
        ReleaseRepair repair;
        try
        {
            repair = await RepairReleaseStep.DecideAsync(context, target, context.RunAsync, cancellationToken).ConfigureAwait(false);
        }
        catch (BootstrapStepException e)
        {
            throw BootstrapContext.Fail(DiagnosticCatalog.PendingReleaseUnrepairable.At(chart.Location, id, _status!, e.Diagnostics[0].Message, hint));
        }

        context.Detail($"release {id} is {_status}: {repair.Reason}");
        if (RepairReleaseStep.CommandFor(context, target, repair) is { } command)
        {
            var result = await context.RunAsync(command, cancellationToken).ConfigureAwait(false);
            if (!result.Succeeded)
            {
                throw BootstrapContext.Fail(DiagnosticCatalog.PendingReleaseUnrepairable.At(chart.Location, id, _status!, $"{command.Display()}: {result.ErrorSummary(2)}", hint));
            }
        }
    }

    /// <summary>Why helm's wait gave up: the NotReady nodes and the newest Warning Events.</summary>
    private async Task<Diagnostic> NotReadyAsync(BootstrapContext context, CancellationToken cancellationToken)
    {
        var reasons = new List<string>();
        var notReady = new List<string>();
        try
        {
            var nodes = (await context.Kube.ListAsync(KubeResource.Nodes, null, cancellationToken).ConfigureAwait(false)).Items;
            notReady = [.. context.Cluster.Nodes.Select(n => n.Name).Where(name => !nodes.Any(n => n["metadata"]?["name"]?.GetValue<string>() == name && IsReady(n)))];
            // Every namespace: a chart can put its workloads elsewhere (Cilium's namespaceOverride), and a new cluster has few events.
            var events = (await context.Kube.ListAsync(KubeResource.Events, null, cancellationToken).ConfigureAwait(false)).Items;
            reasons.AddRange(events.Where(e => e["type"]?.GetValue<string>() == "Warning")
                .OrderByDescending(e => e["lastTimestamp"]?.GetValue<string>() ?? string.Empty, StringComparer.Ordinal)
                .Take(3)
                .Select(e => $"{e["involvedObject"]?["kind"]} {e["involvedObject"]?["namespace"]}/{e["involvedObject"]?["name"]}: {e["reason"]}: {e["message"]}"));
        }
        catch (KubeApiException e)
        {
            reasons.Add($"the API server did not answer ({e.ServerMessage})");
        }

        var why = reasons.Count > 0 ? string.Join("; ", reasons) : "the cluster reports no warning events";
        var timeout = $"{context.Options.ChartTimeout.TotalSeconds:0}s";
        return chart.Name == CoreCharts.Cni && notReady.Count > 0
            ? DiagnosticCatalog.CniNotReady.At(chart.Location, chart.Display, "NotReady: " + string.Join(", ", notReady), why)
            : DiagnosticCatalog.ChartNotReady.At(chart.Location, chart.Display, timeout, notReady.Count > 0 ? $"nodes NotReady ({string.Join(", ", notReady)}); {why}" : why);
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
