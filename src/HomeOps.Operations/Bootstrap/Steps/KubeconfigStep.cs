using HomeOps.Runtime.Tools;

namespace HomeOps.Operations.Bootstrap.Steps;

/// <summary>
/// Fetches the admin kubeconfig into the git-ignored state folder (mode 0600). Until the API VIP answers, every
/// client of the bootstrap talks to the first control-plane node's address instead (the api-ready step switches).
/// </summary>
public sealed class KubeconfigStep : LocalFileStep
{
    public const string StepName = "kubeconfig";

    public override string Name => StepName;

    public override string Description => "fetch the admin kubeconfig (via the first node until the VIP answers)";

    public override IReadOnlyList<string> DependsOn => [EtcdBootstrapStep.StepName];

    protected override string OutputFile(BootstrapContext context) => context.Paths.Kubeconfig;

    public override async Task RunAsync(BootstrapContext context, CancellationToken cancellationToken)
    {
        var node = context.FirstControlPlane.Address.ToString();
        await context.RunCheckedAsync(Talosctl.Kubeconfig(node, context.Paths.Talosconfig, context.Paths.Kubeconfig), cancellationToken).ConfigureAwait(false);
        context.Files.WriteAllTextAtomic(context.Paths.Kubeconfig, context.Files.ReadAllText(context.Paths.Kubeconfig), UnixFileMode.UserRead | UnixFileMode.UserWrite);
        context.State.Facts[Facts.ApiServer] = BootstrapContext.NodeApi(node).ToString();
    }

    public override IEnumerable<string> Plan(BootstrapContext context)
    {
        yield return Talosctl.Kubeconfig(context.FirstControlPlane.Address.ToString(), context.Paths.Talosconfig, context.Paths.Kubeconfig).Display();
    }
}
