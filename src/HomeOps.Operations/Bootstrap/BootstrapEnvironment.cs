using HomeOps.Runtime.Kubernetes;
using HomeOps.Runtime.Processes;

namespace HomeOps.Operations.Bootstrap;

/// <summary>The outside world of a run: programs, the Kubernetes client factory, the clock and the progress sink.</summary>
public sealed record BootstrapEnvironment(ICommandRunner Runner, KubeClientFactory Kube, TimeProvider Time, IBootstrapProgress Progress)
{
    /// <summary>
    /// Runs the local tools of the offline checks (kubectl kustomize, helm template). Separate from
    /// <see cref="Runner"/>, which talks to the nodes and the cluster, so tests can fake the one and not the other.
    /// </summary>
    public ICommandRunner CheckRunner { get; init; } = ProcessCommandRunner.Instance;
}
