using HomeOps.Core.ClusterConfig;
using HomeOps.Core.Diagnostics;
using HomeOps.Core.Talos.Diff;
using HomeOps.Core.Talos.Documents;
using HomeOps.Core.Talos.Rendering;
using HomeOps.Core.Talos.Secrets;
using HomeOps.Operations.Platform;

namespace HomeOps.Operations.Talos;

/// <summary>Renders the Talos configs of a workspace, writes them, and compares them with the last render.</summary>
public sealed class TalosService(Workspace workspace, ClusterDefinition config)
{
    public const string DefaultOutput = "talos/generated";

    /// <summary>
    /// The workflow behind `talos render`, `validate` and `diff`: load the secrets bundle from <paramref name="from"/>
    /// (only when <paramref name="requireSecrets"/> or a source is named), render every node, and check the patches
    /// `homeops render` generates are current. Null when a required bundle could not be loaded (the reason is in
    /// <paramref name="diagnostics"/>).
    /// </summary>
    public async Task<TalosRun?> RunAsync(TalosSecretsService secretsService, string? from, bool requireSecrets, DateTimeOffset now, DiagnosticBag diagnostics, CancellationToken cancellationToken)
    {
        LoadedSecrets? secrets = null;
        if (requireSecrets || from is not null)
        {
            secrets = await secretsService.LoadAsync(from, now, diagnostics, cancellationToken).ConfigureAwait(false);
            if (secrets is null && requireSecrets)
            {
                return null;
            }
        }

        var result = Render(secrets, now, diagnostics);
        diagnostics.AddRange(StaleGeneratedPatches());
        return new TalosRun(secrets, result);
    }

    public TalosRenderResult Render(LoadedSecrets? secrets, DateTimeOffset now, DiagnosticBag diagnostics)
    {
        var patches = TalosPatchLoader.Load(workspace, config, diagnostics);
        var result = TalosRenderer.Render(config, workspace.Display(workspace.ClusterFile), patches, secrets, now);
        diagnostics.AddRange(result.Diagnostics);
        return result;
    }

    /// <summary>
    /// HO3801 for each Talos patch that `homeops render` derives from cluster.yaml (talos/patches/all/longhorn.yaml)
    /// and that no longer matches it: every node's config would merge the stale patch (the old data disk's path and
    /// tag). `homeops check` reports the same through its generated-files check, which also reports a missing one.
    /// </summary>
    public IReadOnlyList<Diagnostic> StaleGeneratedPatches()
    {
        var patches = config.Talos.Patches.TrimEnd('/') + "/";
        var plan = PlatformFilesService.Plan(workspace, new ClusterConfigResult(config, []));
        return plan.Staleness(f => f.State == GeneratedFileState.Stale && f.File.Path.StartsWith(patches, StringComparison.Ordinal));
    }

    public string OutputPath(string? output) => Path.GetFullPath(output ?? DefaultOutput, output is null ? workspace.Root : workspace.DisplayBase);

    /// <summary>Writes every file with mode 0600 (they hold secrets); returns the paths written, for display.</summary>
    public IReadOnlyList<string> Write(TalosRenderResult result, string? output)
    {
        var folder = OutputPath(output);
        var written = new List<string>();
        foreach (var (name, content) in result.Files(SecretHandling.Include))
        {
            var path = Path.Combine(folder, name);
            workspace.Files.WriteAllTextAtomic(path, content, TalosSecretsService.SecretFileMode);
            written.Add(workspace.Display(path));
        }

        return written;
    }

    /// <summary>File name → changes between what is in the output folder and <paramref name="result"/> (files that would change only).</summary>
    public IReadOnlyList<KeyValuePair<string, IReadOnlyList<ConfigChange>>> Diff(TalosRenderResult result, string? output)
    {
        var folder = OutputPath(output);
        var changes = new List<KeyValuePair<string, IReadOnlyList<ConfigChange>>>();
        var documents = result.Nodes.Select(n => (n.FileName, n.Documents)).ToList();
        if (result.Talosconfig is not null)
        {
            documents.Add((TalosRenderResult.TalosconfigFileName, [result.Talosconfig]));
        }

        foreach (var (name, docs) in documents)
        {
            var path = Path.Combine(folder, name);
            var old = workspace.Files.FileExists(path) ? workspace.Files.ReadAllText(path) : null;
            var fileChanges = ConfigDiff.Compare(old, docs);
            if (fileChanges.Count > 0)
            {
                changes.Add(new(name, fileChanges));
            }
        }

        return changes;
    }
}
