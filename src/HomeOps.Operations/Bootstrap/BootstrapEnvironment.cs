using HomeOps.Core.Crypto;
using HomeOps.Runtime.Crypto;
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
    public required ICommandRunner CheckRunner { get; init; }

    /// <summary>The 1Password CLI program ("op" on PATH, or a path).</summary>
    public string OnePasswordProgram { get; init; } = "op";

    /// <summary>Environment variables (KUBECONFIG, HOME) for finding a kubeconfig; none unless the caller passes them.</summary>
    public Func<string, string?> Variables { get; init; } = _ => null;

    /// <summary>Where a new Talos secrets bundle's keys come from.</summary>
    public IRandomSource Random { get; init; } = SystemRandomSource.Instance;
}
