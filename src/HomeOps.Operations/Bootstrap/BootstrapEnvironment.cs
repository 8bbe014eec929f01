using HomeOps.Runtime.Kubernetes;
using HomeOps.Runtime.Processes;

namespace HomeOps.Operations.Bootstrap;

/// <summary>The outside world of a run: programs, the Kubernetes client factory, the clock and the progress sink.</summary>
public sealed record BootstrapEnvironment(ICommandRunner Runner, KubeClientFactory Kube, TimeProvider Time, IBootstrapProgress Progress);
