using System.Security.Cryptography;
using System.Text;
using HomeOps.Core.Diagnostics;
using HomeOps.Operations.Talos;

namespace HomeOps.Operations.Bootstrap.Steps;

/// <summary>
/// One machine config per node and the talosconfig, rendered by `homeops talos render`'s service from cluster.yaml,
/// talos/patches and the secrets bundle into talos/generated/ (git-ignored, mode 0600). Re-rendered only when
/// those inputs changed since the last render (a fingerprint in the state file).
/// </summary>
public sealed class TalosConfigsStep : BootstrapStep
{
    public const string StepName = "talos-configs";

    public override string Name => StepName;

    public override string Description => "render a machine config per node and the talosconfig";

    public override IReadOnlyList<string> DependsOn => [TalosSecretsStep.StepName];

    public override Task<bool> IsDoneAsync(BootstrapContext context, CancellationToken cancellationToken)
    {
        var complete = context.Files.FileExists(context.Paths.Talosconfig)
            && context.Cluster.Nodes.All(n => context.Files.FileExists(context.Paths.NodeConfig(n.Name)))
            && context.State.Facts.GetValueOrDefault(Facts.RenderFingerprint) == Fingerprint(context);
        return Task.FromResult(complete);
    }

    public override async Task RunAsync(BootstrapContext context, CancellationToken cancellationToken)
    {
        var diagnostics = new DiagnosticBag();
        var now = context.Time.GetUtcNow();
        var secrets = await new TalosSecretsService(context.Workspace, context.Cluster, context.OnePassword)
            .LoadAsync(null, now, diagnostics, cancellationToken).ConfigureAwait(false);
        var service = new TalosService(context.Workspace, context.Cluster);
        var result = secrets is null ? null : service.Render(secrets, now, diagnostics);
        if (result is null || diagnostics.HasErrors)
        {
            throw new BootstrapStepException(diagnostics.Sorted());
        }

        foreach (var path in service.Write(result, null))
        {
            context.Detail("wrote " + path);
        }

        context.State.Facts[Facts.RenderFingerprint] = Fingerprint(context);
    }

    /// <summary>A hash of every input of the render (the secrets only through their hash).</summary>
    private static string Fingerprint(BootstrapContext context)
    {
        var inputs = new List<string> { context.Workspace.ClusterFile, context.Paths.TalosSecrets };
        var patches = context.Workspace.PathOf(context.Cluster.Talos.Patches);
        if (context.Files.DirectoryExists(patches))
        {
            inputs.AddRange(context.Files.EnumerateFiles(patches, "*.yaml", recursive: true).Order(StringComparer.Ordinal));
        }

        var text = new StringBuilder();
        foreach (var file in inputs.Where(context.Files.FileExists))
        {
            text.Append(file).Append('\0').Append(Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(context.Files.ReadAllText(file))))).Append('\n');
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..16].ToLowerInvariant();
    }

    public override IEnumerable<string> Plan(BootstrapContext context)
    {
        yield return $"homeops talos render (cluster.yaml, {context.Cluster.Talos.Patches}/, {TalosSecretsStep.Rel(context, context.Paths.TalosSecrets)}):";
        foreach (var node in context.Cluster.Nodes)
        {
            yield return $"  write {TalosSecretsStep.Rel(context, context.Paths.NodeConfig(node.Name))} (mode 0600)";
        }

        yield return $"  write {TalosSecretsStep.Rel(context, context.Paths.Talosconfig)} (mode 0600)";
    }
}
