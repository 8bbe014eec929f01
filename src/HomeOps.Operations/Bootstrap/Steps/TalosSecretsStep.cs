using HomeOps.Core.Diagnostics;
using HomeOps.Runtime.Tools;

namespace HomeOps.Operations.Bootstrap.Steps;

/// <summary>
/// The Talos secrets bundle: loaded from its 1Password Document item when it exists there, else generated once and
/// stored in 1Password, so a rebuild reuses the same cluster identity. Kept locally in the git-ignored state folder
/// with mode 0600; an existing local bundle is never overwritten.
/// </summary>
public sealed class TalosSecretsStep : BootstrapStep
{
    public override string Name => BootstrapSteps.TalosSecrets;

    public override string Description => "Talos secrets bundle (from 1Password, or generated and stored there)";

    public override IReadOnlyList<string> DependsOn => [BootstrapSteps.Preflight];

    public static string Item(BootstrapContext context) =>
        context.Cluster.Secrets.OnePassword.TalosSecretsItem ?? $"Talos Secrets - {context.Cluster.Cluster.Name}";

    public override Task<bool> IsDoneAsync(BootstrapContext context, CancellationToken cancellationToken) =>
        Task.FromResult(context.Files.FileExists(context.Paths.TalosSecrets));

    public override async Task RunAsync(BootstrapContext context, CancellationToken cancellationToken)
    {
        var vault = context.Cluster.Secrets.OnePassword.Vault;
        var item = Item(context);
        context.Files.CreateDirectory(context.Paths.TalosDirectory);
        var existing = await context.RunAsync(OnePassword.DocumentGet(item, vault), cancellationToken).ConfigureAwait(false);
        if (existing.Succeeded)
        {
            context.Files.WriteAllTextAtomic(context.Paths.TalosSecrets, existing.StandardOutput, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            context.Detail($"loaded from 1Password item '{item}'");
            return;
        }

        if (!OnePassword.IsItemMissing(existing))
        {
            throw BootstrapContext.Fail(DiagnosticCatalog.OnePasswordUnavailable.At(context.Location, item, existing.ErrorSummary(2)));
        }

        // Generate next to the final file and move it in only once 1Password has a copy: a failed store leaves no
        // local bundle that a later run would trust while 1Password has none.
        var generated = context.Paths.TalosSecrets + ".new";
        await context.RunCheckedAsync(Talosctl.GenSecrets(generated), cancellationToken).ConfigureAwait(false);
        var content = context.Files.ReadAllText(generated);
        await context.RunCheckedAsync(OnePassword.DocumentCreate(item, vault, "secrets.yaml", content), cancellationToken).ConfigureAwait(false);
        context.Files.WriteAllTextAtomic(context.Paths.TalosSecrets, content, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        context.Files.DeleteFile(generated);
        context.Detail($"generated and stored in 1Password item '{item}'");
    }

    public override IEnumerable<string> Plan(BootstrapContext context)
    {
        var vault = context.Cluster.Secrets.OnePassword.Vault;
        var generated = context.Paths.TalosSecrets + ".new";
        yield return OnePassword.DocumentGet(Item(context), vault).Display() + $"  > {Rel(context, context.Paths.TalosSecrets)} (mode 0600)";
        yield return "if the item does not exist: " + Talosctl.GenSecrets(generated).Display();
        yield return "  then: " + OnePassword.DocumentCreate(Item(context), vault, "secrets.yaml", "").Display() + $"  < {Rel(context, generated)}";
    }

    internal static string Rel(BootstrapContext context, string path) => Path.GetRelativePath(context.Workspace.Root, path);
}
