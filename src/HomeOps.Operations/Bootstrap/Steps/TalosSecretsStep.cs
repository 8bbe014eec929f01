using HomeOps.Core.Diagnostics;
using HomeOps.Core.Talos.Secrets;
using HomeOps.Operations.Talos;
using HomeOps.Runtime.OnePassword;

namespace HomeOps.Operations.Bootstrap.Steps;

/// <summary>
/// The Talos secrets bundle, through `homeops talos secrets`' service: loaded from its 1Password item when it exists
/// there, else generated once and stored in 1Password first, so a rebuild reuses the same cluster identity. Kept
/// locally as talos/secrets.yaml (git-ignored, mode 0600); an existing local bundle is never overwritten.
/// </summary>
public sealed class TalosSecretsStep : LocalFileStep
{
    public const string StepName = "talos-secrets";

    public override string Name => StepName;

    public override string Description => "Talos secrets bundle (from 1Password, or generated and stored there)";

    public override IReadOnlyList<string> DependsOn => [PreflightStep.StepName];

    protected override string OutputFile(BootstrapContext context) => context.Paths.TalosSecrets;

    public override async Task RunAsync(BootstrapContext context, CancellationToken cancellationToken)
    {
        var service = Service(context);
        var diagnostics = new DiagnosticBag();
        var loaded = await service.LoadAsync(TalosSecretsService.OnePasswordSource, context.Time.GetUtcNow(), diagnostics, cancellationToken).ConfigureAwait(false);
        TalosSecretsBundle bundle;
        if (loaded is not null)
        {
            bundle = loaded.Bundle;
            context.Detail($"loaded from {service.Describe(TalosSecretsService.OnePasswordSource)}");
        }
        else if (diagnostics.Sorted().All(d => d.Code == DiagnosticCatalog.OnePasswordItemNotFound.Code))
        {
            // Store in 1Password before writing locally: a failed store leaves no local bundle a later run would trust.
            bundle = new SecretsBundleGenerator(context.Environment.Random, context.Time).Generate();
            diagnostics = new DiagnosticBag();
            if (!await service.SaveAsync(bundle, null, store: true, force: false, diagnostics, cancellationToken).ConfigureAwait(false))
            {
                throw new BootstrapStepException(diagnostics.Sorted());
            }

            context.Detail($"generated and stored in {service.Describe(TalosSecretsService.OnePasswordSource)}");
        }
        else
        {
            throw new BootstrapStepException(diagnostics.Sorted());
        }

        if (!await service.SaveAsync(bundle, null, store: false, force: false, diagnostics, cancellationToken).ConfigureAwait(false))
        {
            throw new BootstrapStepException(diagnostics.Sorted());
        }
    }

    private static TalosSecretsService Service(BootstrapContext context) => new(context.Workspace, context.Cluster, context.OnePassword);

    public override IEnumerable<string> Plan(BootstrapContext context)
    {
        var service = Service(context);
        var program = context.Environment.OnePasswordProgram;
        yield return OnePasswordCli.GetItemSpec(program, service.ItemName, service.Vault).Display() + $"  > {Rel(context, context.Paths.TalosSecrets)} (mode 0600)";
        yield return "if the item does not exist: generate a bundle (as 'talosctl gen secrets' does), then "
            + OnePasswordCli.CreateItemSpec(program, service.Vault, "", []).Display() + "  < item template (field talsecret)";
    }

    internal static string Rel(BootstrapContext context, string path) => Path.GetRelativePath(context.Workspace.Root, path);
}
