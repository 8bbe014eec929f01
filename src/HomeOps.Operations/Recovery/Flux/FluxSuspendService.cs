using HomeOps.Core.Diagnostics;
using HomeOps.Operations.Bootstrap;

namespace HomeOps.Operations.Recovery.Flux;

/// <summary>
/// `homeops flux suspend|resume [NAME...]`: the whole tree (or the named Kustomizations) suspended deepest first,
/// or resumed in graph order, one depth at a time, each depth Ready before the next.
/// </summary>
public static class FluxSuspendService
{
    public const string SuspendWorkflow = "flux-suspend";
    public const string ResumeWorkflow = "flux-resume";

    public static Task<IReadOnlyList<Diagnostic>> SuspendAsync(Workspace workspace, BootstrapEnvironment environment, BootstrapOptions options, IReadOnlyList<string> names, CancellationToken cancellationToken) =>
        RecoveryWorkflow.RunAsync(workspace, environment, options, SuspendWorkflow, inputs => PlanAsync(inputs, names, resume: false, cancellationToken), null, cancellationToken);

    public static Task<IReadOnlyList<Diagnostic>> ResumeAsync(Workspace workspace, BootstrapEnvironment environment, BootstrapOptions options, IReadOnlyList<string> names, CancellationToken cancellationToken) =>
        ResumeAsync(workspace, environment, options, names, wrap: null, cancellationToken);

    internal static Task<IReadOnlyList<Diagnostic>> ResumeAsync(Workspace workspace, BootstrapEnvironment environment, BootstrapOptions options, IReadOnlyList<string> names,
        Func<BootstrapStep, BootstrapStep>? wrap, CancellationToken cancellationToken) =>
        RecoveryWorkflow.RunAsync(workspace, environment, options, ResumeWorkflow, inputs => PlanAsync(inputs, names, resume: true, cancellationToken), wrap, cancellationToken);

    private static async Task<(IReadOnlyList<BootstrapStep> Steps, IReadOnlyList<Diagnostic> Problems)> PlanAsync(RecoveryWorkflow.Inputs inputs, IReadOnlyList<string> names, bool resume, CancellationToken cancellationToken)
    {
        if (RecoveryWorkflow.RequireKubeconfig(inputs) is { } missing)
        {
            return ([], [missing]);
        }

        var (tree, diagnostics) = await FluxTree.LoadAsync(inputs, cancellationToken).ConfigureAwait(false);
        if (tree is null)
        {
            return ([], diagnostics);
        }

        if (names.FirstOrDefault(n => tree.Find(n) is null) is { } unknown)
        {
            return ([], [DiagnosticCatalog.RecoveryUnknownKustomization.At(inputs.Location, unknown, string.Join(", ", tree.All.Select(k => k.Name)))]);
        }

        var chosen = names.Count == 0 ? null : names.Select(n => tree.Find(n)!.Id).ToHashSet(StringComparer.Ordinal);
        IReadOnlyList<BootstrapStep> steps = resume
            ? ResumeSteps(tree, chosen, _ => [])
            : [new SuspendKustomizationsStep([.. tree.Levels.Reverse().SelectMany(l => l).Where(k => chosen is null || chosen.Contains(k.Id))])];
        return (steps, diagnostics);
    }

    /// <summary>
    /// One step per depth that has something to resume, each depending on the one before and on
    /// <paramref name="gates"/>(depth): the steps that must finish before that depth comes back (restores).
    /// </summary>
    public static IReadOnlyList<ResumeLevelStep> ResumeSteps(FluxTree tree, IReadOnlySet<string>? only, Func<int, IReadOnlyList<string>> gates)
    {
        var steps = new List<ResumeLevelStep>();
        for (var depth = 0; depth < tree.Levels.Count; depth++)
        {
            var level = tree.Levels[depth].Where(k => only is null || only.Contains(k.Id)).ToList();
            if (level.Count == 0)
            {
                continue;
            }

            IReadOnlyList<string> dependsOn = [.. steps.Count > 0 ? [steps[^1].Name] : Array.Empty<string>(), .. gates(depth)];
            steps.Add(new ResumeLevelStep(depth, level, dependsOn));
        }

        return steps;
    }
}
