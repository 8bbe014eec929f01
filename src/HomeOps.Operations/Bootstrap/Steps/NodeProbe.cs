using System.Text.Json.Nodes;
using HomeOps.Runtime.Tools;

namespace HomeOps.Operations.Bootstrap.Steps;

/// <summary>
/// What a node's Talos API says: maintenance mode (answers only --insecure), configured (refuses --insecure with
/// "certificate required", answers with this cluster's talosconfig), or unreachable.
/// </summary>
public static class NodeProbe
{
    public enum Reachability
    {
        Maintenance,
        Configured,
        Unreachable,
    }

    public sealed record State(Reachability Kind, string Stage, string Error)
    {
        public string Describe() => Kind switch
        {
            Reachability.Maintenance => "maintenance mode",
            Reachability.Configured => Stage.Length > 0 ? $"configured ({Stage})" : "configured",
            _ => "unreachable: " + Error,
        };
    }

    public static async Task<State> ProbeAsync(BootstrapContext context, string address, CancellationToken cancellationToken)
    {
        var insecure = await context.RunAsync(Talosctl.MachineStatus(address, null), cancellationToken).ConfigureAwait(false);
        if (insecure.Succeeded)
        {
            return new State(Reachability.Maintenance, Stage(insecure.StandardOutput), string.Empty);
        }

        if (insecure.StandardError.Contains("certificate required", StringComparison.Ordinal))
        {
            return new State(Reachability.Configured, string.Empty, string.Empty);
        }

        return new State(Reachability.Unreachable, string.Empty, insecure.ErrorSummary(2));
    }

    /// <summary>True when the node answers with this cluster's talosconfig (it runs our configuration).</summary>
    public static async Task<bool> IsConfiguredAsync(BootstrapContext context, string address, CancellationToken cancellationToken)
    {
        if (!context.Files.FileExists(context.Paths.Talosconfig))
        {
            return false;
        }

        var result = await context.RunAsync(Talosctl.MachineStatus(address, context.Paths.Talosconfig), cancellationToken).ConfigureAwait(false);
        return result.Succeeded && Stage(result.StandardOutput) is "running" or "booting";
    }

    private static string Stage(string json)
    {
        try
        {
            return JsonNode.Parse(json)?["spec"]?["stage"]?.GetValue<string>() ?? string.Empty;
        }
        catch (System.Text.Json.JsonException)
        {
            return string.Empty;
        }
    }
}
