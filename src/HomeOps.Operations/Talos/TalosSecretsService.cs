using HomeOps.Core.ClusterConfig;
using HomeOps.Core.Diagnostics;
using HomeOps.Core.Talos.Secrets;
using HomeOps.Runtime.Files;
using HomeOps.Runtime.OnePassword;
using HomeOps.Runtime.Processes;

namespace HomeOps.Operations.Talos;

/// <summary>
/// Where the Talos secrets bundle lives: a git-ignored file (mode 0600, written atomically, never overwritten without
/// force) or one 1Password item holding the whole bundle YAML in its "talsecret" field (the item name defaults to
/// "Talos Secrets - &lt;cluster&gt;", the layout the seed's Taskfile already used).
/// </summary>
public sealed class TalosSecretsService(Workspace workspace, ClusterDefinition config, OnePasswordCli? onePassword)
{
    public const string DefaultBundlePath = "talos/secrets.yaml";
    public const string OnePasswordSource = "op";
    public const string BundleField = OnePasswordSettings.TalosSecretsField;
    public const UnixFileMode SecretFileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public string ItemName => config.Secrets.OnePassword.TalosSecretsItemOf(config.Cluster.Name);

    public string Vault => config.Secrets.OnePassword.Vault;

    private OnePasswordCli OnePassword => onePassword ?? throw new InvalidOperationException("No 1Password CLI was given to this service");

    public static bool IsOnePassword(string? from) => from is OnePasswordSource or "1password" or "onepassword";

    public string BundlePath(string? path) => Path.GetFullPath(path ?? DefaultBundlePath, path is null ? workspace.Root : workspace.DisplayBase);

    /// <summary>Where <paramref name="from"/> points, for messages: "1Password item '...' (vault ...)" or the file path.</summary>
    public string Describe(string? from) =>
        IsOnePassword(from) ? $"1Password item '{ItemName}' in vault '{Vault}'" : workspace.Display(BundlePath(from));

    /// <summary>Reads and checks the bundle from a file or 1Password; null with diagnostics when it is missing or unusable.</summary>
    public async Task<LoadedSecrets?> LoadAsync(string? from, DateTimeOffset now, DiagnosticBag diagnostics, CancellationToken cancellationToken)
    {
        var source = Describe(from);
        string? text;
        if (IsOnePassword(from))
        {
            text = await ReadItemAsync(diagnostics, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            var path = BundlePath(from);
            if (!workspace.Files.FileExists(path))
            {
                diagnostics.Add(DiagnosticCatalog.SecretsBundleNotFound.At(SourceSpan.File(source), source));
                return null;
            }

            text = TextFileReader.Read(workspace.Files, path, source, diagnostics, maxBytes: 1024 * 1024);
        }

        if (text is null)
        {
            return null;
        }

        var document = SecretsBundleYaml.Read(text, source, diagnostics);
        return document is null ? null : SecretsBundleInspector.Inspect(document, now, diagnostics);
    }

    /// <summary>Writes the bundle to a file (0600) or 1Password. Refuses to replace an existing bundle unless <paramref name="force"/>.</summary>
    public async Task<bool> SaveAsync(TalosSecretsBundle bundle, string? path, bool store, bool force, DiagnosticBag diagnostics, CancellationToken cancellationToken)
    {
        var yaml = SecretsBundleYaml.Write(bundle);
        if (store)
        {
            return await StoreItemAsync(bundle, yaml, force, diagnostics, cancellationToken).ConfigureAwait(false);
        }

        var full = BundlePath(path);
        if (workspace.Files.FileExists(full) && !force)
        {
            diagnostics.Add(DiagnosticCatalog.SecretsBundleExists.At(SourceSpan.File(workspace.Display(full)), workspace.Display(full)));
            return false;
        }

        workspace.Files.WriteAllTextAtomic(full, yaml, SecretFileMode);
        return true;
    }

    private async Task<string?> ReadItemAsync(DiagnosticBag diagnostics, CancellationToken cancellationToken)
    {
        var item = await CallAsync(() => OnePassword.GetItemAsync(ItemName, Vault, cancellationToken), diagnostics).ConfigureAwait(false);
        if (item is null)
        {
            if (!diagnostics.HasErrors)
            {
                diagnostics.Add(DiagnosticCatalog.OnePasswordItemNotFound.At(SourceSpan.File(Describe(OnePasswordSource)), ItemName, Vault));
            }

            return null;
        }

        if (item.Field(BundleField)?.Value is not { Length: > 0 } value)
        {
            diagnostics.Add(DiagnosticCatalog.OnePasswordItemNoBundle.At(SourceSpan.File(Describe(OnePasswordSource)), ItemName, BundleField));
            return null;
        }

        return value;
    }

    private async Task<bool> StoreItemAsync(TalosSecretsBundle bundle, string yaml, bool force, DiagnosticBag diagnostics, CancellationToken cancellationToken)
    {
        var where = Describe(OnePasswordSource);
        var existing = await CallAsync(() => OnePassword.GetItemAsync(ItemName, Vault, cancellationToken), diagnostics).ConfigureAwait(false);
        if (diagnostics.HasErrors)
        {
            return false;
        }

        if (existing is not null && !force)
        {
            diagnostics.Add(DiagnosticCatalog.SecretsBundleExists.At(SourceSpan.File(where), where));
            return false;
        }

        var notes = $"Talos secrets bundle of cluster '{config.Cluster.Name}' (talosctl gen secrets format), managed by 'homeops talos secrets'. Replacing it makes every node and talosconfig of the cluster unusable.";
        var template = OnePasswordCli.Template(ItemName, notes, new Dictionary<string, string> { [BundleField] = yaml });
        var secrets = bundle.Values().Select(v => v.Value).ToList();
        var stored = await CallAsync(
            async () => existing is null
                ? await OnePassword.CreateItemAsync(Vault, template, secrets, cancellationToken).ConfigureAwait(false)
                : await OnePassword.EditItemAsync(existing.Id, Vault, template, secrets, cancellationToken).ConfigureAwait(false),
            diagnostics).ConfigureAwait(false);
        return stored is not null;
    }

    private async Task<T?> CallAsync<T>(Func<Task<T?>> call, DiagnosticBag diagnostics)
        where T : class
    {
        var where = SourceSpan.File(Describe(OnePasswordSource));
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (Exception e) when (CommandProblem.From(e) is { } problem)
        {
            diagnostics.Add(problem.ToDiagnostic(where, "to keep the Talos secrets in 1Password"));
        }
        catch (OnePasswordException e) when (e.Kind == OnePasswordFailure.VaultNotFound)
        {
            // Never "no item, so generate one": a typo in the vault name must not create a second cluster identity.
            diagnostics.Add(DiagnosticCatalog.OnePasswordVaultNotFound.At(config.Secrets.OnePassword.SpanOf(nameof(OnePasswordSettings.Vault)), Vault));
        }
        catch (OnePasswordException e) when (e.Kind == OnePasswordFailure.AmbiguousItem)
        {
            var ids = e.CandidateIds;
            diagnostics.Add(DiagnosticCatalog.OnePasswordItemAmbiguous.At(where, ids.Count > 1 ? ids.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) : "Several",
                Vault, ItemName, ids.Count > 0 ? string.Join(", ", ids) : "see 'op item list --vault " + Vault + "'"));
        }
        catch (OnePasswordException e)
        {
            diagnostics.Add(DiagnosticCatalog.OnePasswordFailed.At(where, e.Message, Vault));
        }

        return null;
    }
}
