using HomeOps.Core.Diagnostics;
using HomeOps.Core.Status;
using HomeOps.Runtime.Probes;

namespace HomeOps.Operations.Doctor.Checks;

/// <summary>
/// The shape every protocol probe shares: find the endpoint (<see cref="ServiceEndpoints"/>), read the login from a
/// Secret (<see cref="ClusterSecrets"/>), talk the protocol, and turn the answer into a result: a wrong answer is
/// unhealthy with the check's own code, no answer is unknown (HO6012).
/// </summary>
public abstract class ProbeCheck : IDoctorCheck
{
    public abstract string Id { get; }

    public abstract string Title { get; }

    public bool IsUpgradeGate => false;

    /// <summary>Where the Service is: namespace, name, port name (null: the first) and the port when it has none.</summary>
    protected abstract (string Namespace, string Service, string? PortName, int Port) Target { get; }

    /// <summary>The Secret the probe logs in with and its keys; null when the service needs no login.</summary>
    protected virtual (string Namespace, string Name, string[] Keys)? Credentials => null;

    protected abstract DiagnosticDescriptor Failure { get; }

    protected abstract Task<ProbeResult> ProbeAsync(DoctorContext context, ServiceEndpoint endpoint, IReadOnlyDictionary<string, string> login, CancellationToken cancellationToken);

    public async Task<DoctorCheckResult> RunAsync(DoctorContext context, CancellationToken cancellationToken)
    {
        var (ns, service, portName, port) = Target;
        var (endpoint, why) = await context.Endpoints.ResolveAsync(Id, context.Cluster, ns, service, portName, port, cancellationToken).ConfigureAwait(false);
        if (endpoint is null)
        {
            return why!.Health == Health.Absent
                ? DoctorCheckResult.Skip(this, why.Message, why)
                : new DoctorCheckResult(Id, Title, why.Health, why.Message, [why]);
        }

        IReadOnlyDictionary<string, string> login = new Dictionary<string, string>();
        if (Credentials is { } credentials)
        {
            var (values, missing) = await ClusterSecrets.ReadAsync(context.Cluster, credentials.Namespace, credentials.Name, credentials.Keys, cancellationToken).ConfigureAwait(false);
            if (values is null)
            {
                var finding = StatusFindings.From(DiagnosticCatalog.ProbeCredentialsMissing, Health.Unknown, $"{Title} at {endpoint}", missing);
                return new DoctorCheckResult(Id, Title, Health.Unknown, finding.Message, [finding]);
            }

            login = values;
        }

        var result = await ProbeAsync(context, endpoint, login, cancellationToken).ConfigureAwait(false);
        var where = $"{endpoint} ({endpoint.How})";
        if (result.Ok)
        {
            return DoctorCheckResult.Pass(this, $"{where}: {result.Detail}");
        }

        var failure = result.Reached
            ? StatusFindings.From(Failure, Health.Unhealthy, where, result.Detail)
            : StatusFindings.From(DiagnosticCatalog.ServiceProbeFailed, Health.Unknown, where, result.Detail);
        return new DoctorCheckResult(Id, Title, failure.Health, failure.Message, [failure]);
    }
}
