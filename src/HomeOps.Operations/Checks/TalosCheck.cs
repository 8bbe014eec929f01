using HomeOps.Core.Diagnostics;
using HomeOps.Core.Schema;
using HomeOps.Operations.Talos;

namespace HomeOps.Operations.Checks;

/// <summary>
/// Talos: renders every node's config in memory from cluster.yaml and talos/patches, without secrets (a fresh clone
/// has none), and checks each document against the embedded Talos v1.10 schema and the semantic rules. When a
/// secrets bundle exists at talos/secrets.yaml it is checked too (format, keys match certificates, CA expiry).
/// </summary>
public sealed class TalosCheck : IOfflineCheck
{
    public string Name => "talos";

    public async Task<CheckOutcome> RunAsync(CheckContext context, CancellationToken cancellationToken)
    {
        if (context.ClusterConfig.Config is not { } config)
        {
            return new CheckOutcome(Name, [], Skipped: "cluster.yaml has errors");
        }

        var diagnostics = new DiagnosticBag();
        var now = context.Time.GetUtcNow();
        var result = new TalosService(context.Workspace, config).Render(secrets: null, now, diagnostics);
        var secretsNote = "secrets not needed (structure only)";
        var bundlePath = Path.Combine(context.Workspace.Root, TalosSecretsService.DefaultBundlePath);
        if (context.Workspace.Files.FileExists(bundlePath))
        {
            var service = new TalosSecretsService(context.Workspace, config, onePassword: null);
            var loaded = await service.LoadAsync(bundlePath, now, diagnostics, cancellationToken).ConfigureAwait(false);
            secretsNote = loaded is null ? $"secrets bundle {context.Workspace.Display(bundlePath)} has errors" : $"secrets bundle {context.Workspace.Display(bundlePath)} checked";
        }

        var summary = $"{result.Nodes.Count} node config(s) from cluster.yaml + {result.PatchFiles} patch file(s), checked against the Talos v1.10 schema ({TalosSchema.Embedded.Id}) and semantic rules; {secretsNote}";
        return new CheckOutcome(Name, [.. diagnostics.Items.DistinctBy(d => (d.Code, d.Location, d.Message))], Summary: summary);
    }
}
