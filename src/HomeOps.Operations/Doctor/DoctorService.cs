using HomeOps.Operations.Doctor.Checks;
using HomeOps.Operations.Status;

namespace HomeOps.Operations.Doctor;

/// <summary>
/// The work behind `homeops doctor`: read the cluster once as status does (the gate checks judge its sections), then
/// run every check concurrently and report them in order. <see cref="Gates"/> is the subset `homeops upgrade` waits
/// on between nodes.
/// </summary>
public sealed class DoctorService(StatusService status, IReadOnlyList<IDoctorCheck> checks)
{
    public static DoctorService Default() => new(StatusService.Default(),
    [
        new EtcdCheck(), FindingsGate.LonghornVolumes(), new CnpgPrimaryCheck(), FindingsGate.FluxReady(),
        new PostgresCheck(), new RedisCheck(), new MqttCheck(), new MatterCheck(), new IngressHttpsCheck(),
    ]);

    public IReadOnlyList<IDoctorCheck> Checks => checks;

    public IReadOnlyList<IDoctorCheck> Gates => [.. checks.Where(c => c.IsUpgradeGate)];

    /// <summary>Only the checks named (by <see cref="IDoctorCheck.Id"/>); all of them when <paramref name="ids"/> is empty.</summary>
    public DoctorService Only(IReadOnlyCollection<string> ids) =>
        ids.Count == 0 ? this : new(status, [.. checks.Where(c => ids.Contains(c.Id, StringComparer.Ordinal))]);

    public async Task<(DoctorReport Doctor, Core.Status.StatusReport Status)> RunAsync(
        StatusContext statusContext, ServiceEndpoints endpoints, Func<DoctorContext, DoctorContext>? configure, CancellationToken cancellationToken)
    {
        var report = await status.RunAsync(statusContext, cancellationToken).ConfigureAwait(false);
        var context = new DoctorContext(report, statusContext.Cluster, statusContext.Time, endpoints);
        context = configure?.Invoke(context) ?? context;
        var results = await Task.WhenAll(checks.Select(c => c.RunAsync(context, cancellationToken))).ConfigureAwait(false);
        return (new DoctorReport(results, statusContext.Time.GetUtcNow()), report);
    }
}
