using HomeOps.Core.Status;

namespace HomeOps.Operations.Status;

/// <summary>
/// The work behind `homeops status`: every section, in order, over one snapshot of the cluster. All kinds are
/// listed first (concurrently, each once), then each section is computed; the report says how many API requests
/// that took.
/// </summary>
public sealed class StatusService(IReadOnlyList<IStatusSection> sections)
{
    /// <summary>Every section HomeOps has, in the order they print.</summary>
    public static StatusService Default() => new(
    [
        new TalosSection(), KubeStatusSections.Kubernetes(), KubeStatusSections.Flux(), KubeStatusSections.Cilium(), KubeStatusSections.Longhorn(),
        KubeStatusSections.Cnpg(), KubeStatusSections.Certificates(), KubeStatusSections.ExternalSecrets(), new OnePasswordConnectSection(),
    ]);

    public IReadOnlyList<IStatusSection> Sections => sections;

    public async Task<StatusReport> RunAsync(StatusContext context, CancellationToken cancellationToken)
    {
        await context.Cluster.ReadAllAsync(sections.SelectMany(s => s.Kinds), cancellationToken).ConfigureAwait(false);
        var results = await Task.WhenAll(sections.Select(s => s.ReadAsync(context, cancellationToken))).ConfigureAwait(false);
        return new StatusReport(results, context.Time.GetUtcNow(), context.Cluster.Requests, context.Cluster.KindsRead) { ProxyRequests = context.Cluster.ProxyRequests };
    }
}
