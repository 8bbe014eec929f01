using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using HomeOps.Core.Upgrades;

namespace HomeOps.Operations.Upgrades;

/// <summary>The plan as text for a terminal, or JSON for scripts (diagnostics are printed by the caller).</summary>
public static class UpgradePlanOutput
{
    public static string Text(UpgradePlanResult result)
    {
        var text = new StringBuilder();
        foreach (var node in result.Nodes)
        {
            text.Append(CultureInfo.InvariantCulture, $"  {node.Node}: Talos {node.Talos?.ToString() ?? "?"}, kubelet {node.Kubelet?.ToString() ?? "?"}\n");
        }

        if (result.Plan is not { } plan)
        {
            return text.ToString();
        }

        text.Insert(0, $"Running (from {result.RunningFrom}): Talos {plan.Current.Talos}, Kubernetes {plan.Current.Kubernetes}\n");
        text.Append(CultureInfo.InvariantCulture, $"Target: Talos {plan.Target.Talos}, Kubernetes {plan.Target.Kubernetes}\n");
        if (!plan.CanRun)
        {
            return text.ToString();
        }

        if (plan.Steps.Count == 0)
        {
            text.Append("Nothing to upgrade: the cluster runs the targets.\n");
            return text.ToString();
        }

        var width = plan.Steps.Max(s => s.Describe().Length);
        for (var i = 0; i < plan.Steps.Count; i++)
        {
            var step = plan.Steps[i];
            text.Append(CultureInfo.InvariantCulture, $"{i + 1,3}. {step.Describe().PadRight(width)}  {step.Why}\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"{plan.Steps.Count(s => s.Kind == UpgradeKind.Talos)} Talos and {plan.Steps.Count(s => s.Kind == UpgradeKind.Kubernetes)} Kubernetes step(s); every pair on the way is one Talos supports (docs/upgrades.md).\n");
        return text.ToString();
    }

    public static string Json(UpgradePlanResult result)
    {
        var plan = result.Plan;
        var json = new JsonObject
        {
            ["runningFrom"] = result.RunningFrom,
            ["running"] = plan is null ? null : Versions(plan.Current),
            ["target"] = plan is null ? null : Versions(plan.Target),
            ["nodes"] = new JsonArray([.. result.Nodes.Select(n => (JsonNode)new JsonObject { ["name"] = n.Node, ["talos"] = n.Talos?.ToString(), ["kubelet"] = n.Kubelet?.ToString(), ["osImage"] = n.OsImage })]),
            ["steps"] = new JsonArray([.. (plan?.Steps ?? []).Select(s => (JsonNode)new JsonObject { ["kind"] = s.Kind.ToString().ToLowerInvariant(), ["from"] = s.From.ToString(), ["to"] = s.To.ToString(), ["why"] = s.Why })]),
            ["diagnostics"] = new JsonArray([.. result.Diagnostics.Select(d => (JsonNode)new JsonObject { ["code"] = d.Code, ["severity"] = d.Severity.ToString().ToLowerInvariant(), ["message"] = d.Message, ["hint"] = d.Hint })]),
        };
        return json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
    }

    private static JsonObject Versions(ClusterVersions v) => new() { ["talos"] = v.Talos.ToString(), ["kubernetes"] = v.Kubernetes.ToString() };
}
