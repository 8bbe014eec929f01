using HomeOps.Core.ClusterConfig;
using HomeOps.Core.ClusterConfig.Init;
using HomeOps.Core.Crypto;
using HomeOps.Core.Diagnostics;
using HomeOps.Core.Schema;
using HomeOps.Core.Yaml;
using HomeOps.Operations.Checks;
using HomeOps.Operations.Platform;
using HomeOps.Runtime.Files;

namespace HomeOps.Operations.Config;

/// <summary>What `homeops init` did: whether cluster.yaml was written, the files generated from it, and the checks that ran.</summary>
public sealed record InitResult(bool Written, IReadOnlyList<GeneratedFileStatus> Generated, IReadOnlyList<CheckOutcome> Checks, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.IsError) || Checks.Any(c => c.HasErrors);
}

/// <summary>
/// `homeops init`: answers to cluster.yaml (<see cref="ClusterInit"/>), written atomically and never over an existing
/// file without force, then `render` and `check` on the result, as the user would run them next.
/// </summary>
public static class InitService
{
    /// <summary>Reads an answers file: YAML with the keys of <see cref="InitAnswers"/>, checked as cluster.yaml is.</summary>
    public static InitAnswers? ReadAnswers(IFileSystem files, string path, string display, DiagnosticBag diagnostics)
    {
        var text = TextFileReader.Read(files, path, display, diagnostics, maxBytes: 1024 * 1024);
        var root = text is null ? null : YamlReader.ReadSingle(text, display, diagnostics);
        return root is null ? null : new ConfigBinder(diagnostics).Bind<InitAnswers>(root);
    }

    /// <summary>The text init would write, checked by the cluster.yaml loader under a name that says it is not on disk.</summary>
    public static InitOutcome Plan(Workspace workspace, InitAnswers answers, IRandomSource random) =>
        ClusterInit.Create(answers, random, workspace.Display(workspace.ClusterFile) + " (not written)");

    public static async Task<InitResult> RunAsync(Workspace workspace, InitOutcome outcome, bool force, OfflineChecks checks, Action<CheckOutcome>? progress, CancellationToken cancellationToken)
    {
        if (outcome.Text is null)
        {
            return new InitResult(false, [], [], outcome.Diagnostics);
        }

        if (workspace.Files.FileExists(workspace.ClusterFile) && !force)
        {
            var display = workspace.Display(workspace.ClusterFile);
            return new InitResult(false, [], [], [DiagnosticCatalog.InitClusterFileExists.At(SourceSpan.File(display), display)]);
        }

        workspace.Files.CreateDirectory(workspace.Root);
        workspace.Files.WriteAllTextAtomic(workspace.ClusterFile, outcome.Text);
        var plan = PlatformFilesService.Plan(workspace, ClusterConfigService.Load(workspace));
        var generated = plan.HasErrors ? [] : PlatformFilesService.Write(workspace, plan);
        var outcomes = await checks.RunAsync(workspace, progress, cancellationToken).ConfigureAwait(false);
        return new InitResult(true, generated, outcomes, [.. outcome.Diagnostics.Where(d => !d.IsError), .. plan.Diagnostics.Where(d => d.IsError)]);
    }

    /// <summary>What to do after init, in order, each with its command.</summary>
    public static IReadOnlyList<string> NextSteps(ClusterPlan plan)
    {
        var items = new OnePasswordSettings { Vault = plan.Vault };
        return
        [
            $"Commit and push: git add -A && git commit -m 'cluster {plan.Name}' && git push (Flux pulls {plan.Repository})",
            $"Router: peer it with the cluster over BGP (your ASN {plan.RouterAsn}, the cluster's {plan.ClusterAsn}): homeops bgp router-config",
            $"1Password, vault '{plan.Vault}': the Document '{items.ConnectCredentialsItemOf(plan.Name)}' (1password-credentials.json) and the item '{items.ConnectTokenItemOf(plan.Name)}' (field '{OnePasswordSettings.ConnectTokenField}'), plus the items docs/quickstart.md lists",
            "Tools: homeops tools (talosctl, helm 3, op, kubectl, git and flux, found and compared with .mise.toml; 'mise install' installs the pinned versions)",
            "Nodes: boot each from the Talos image of 'homeops talos schematic', then: homeops bootstrap --dry-run && homeops bootstrap",
        ];
    }
}
