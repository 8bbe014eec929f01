namespace HomeOps.Operations.Bootstrap;

/// <summary>
/// A step whose product is one local file (the Talos secrets bundle, the kubeconfig): it is done once that file
/// exists, so a re-run skips it and never overwrites a file an earlier run left there.
/// </summary>
public abstract class LocalFileStep : BootstrapStep
{
    /// <summary>The file the step writes.</summary>
    protected abstract string OutputFile(BootstrapContext context);

    public sealed override Task<bool> IsDoneAsync(BootstrapContext context, CancellationToken cancellationToken) =>
        Task.FromResult(context.Files.FileExists(OutputFile(context)));
}
