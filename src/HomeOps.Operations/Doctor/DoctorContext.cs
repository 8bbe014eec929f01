using HomeOps.Core.Status;
using HomeOps.Operations.Status;

namespace HomeOps.Operations.Doctor;

/// <summary>
/// What checks read: the status report (the gate checks judge its sections, so doctor asks the cluster once), the
/// snapshot (Services, Ingresses, Pods, one list per kind; the few Secrets the probes log in with, by name), the
/// clock, where each service is reached (<see cref="ServiceEndpoints"/>) and how long a probe may take.
/// </summary>
public sealed record DoctorContext(StatusReport Status, ClusterSnapshot Cluster, TimeProvider Time, ServiceEndpoints Endpoints)
{
    public TimeSpan ProbeTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Extra trusted roots for the HTTPS probe (a private CA); null trusts the system's.</summary>
    public System.Security.Cryptography.X509Certificates.X509Certificate2Collection? TrustedRoots { get; init; }

    public StatusSection? Section(string id) => Status.Sections.FirstOrDefault(s => s.Id == id);
}
