using System.Text.RegularExpressions;
using HomeOps.Core.Diagnostics;
using HomeOps.Operations.Bootstrap;

namespace HomeOps.Operations.Recovery.Rollback;

/// <summary>
/// `homeops recovery rollback --to REV`: points Flux's sync (the flux-system GitRepository) at one commit and waits
/// until source-controller serves it and every Kustomization has applied it. Git stays as it is: the pin lives in the
/// cluster until a later rollback moves it.
/// </summary>
public static partial class RollbackService
{
    public const string Workflow = "recovery-rollback";

    public const string RepositoryNamespace = "flux-system";
    public const string RepositoryName = "flux-system";

    [GeneratedRegex("^([0-9a-f]{40}|[0-9a-f]{64})$")]
    private static partial Regex FullCommit();

    public static Task<IReadOnlyList<Diagnostic>> RunAsync(Workspace workspace, BootstrapEnvironment environment, BootstrapOptions options, string revision,
        Func<BootstrapStep, BootstrapStep>? wrap, CancellationToken cancellationToken) =>
        RecoveryWorkflow.RunAsync(workspace, environment, options, Workflow, inputs => Task.FromResult(Plan(inputs, revision.Trim().ToLowerInvariant())), wrap, cancellationToken);

    private static (IReadOnlyList<BootstrapStep> Steps, IReadOnlyList<Diagnostic> Problems) Plan(RecoveryWorkflow.Inputs inputs, string revision)
    {
        if (!FullCommit().IsMatch(revision))
        {
            return ([], [DiagnosticCatalog.RecoveryRevisionInvalid.At(inputs.Location, revision)]);
        }

        if (RecoveryWorkflow.RequireKubeconfig(inputs) is { } missing)
        {
            return ([], [missing]);
        }

        return ([new PinRevisionStep(RepositoryNamespace, RepositoryName, revision), new SourceAtRevisionStep(RepositoryNamespace, RepositoryName, revision), new AppliedRevisionStep(revision)], []);
    }
}
