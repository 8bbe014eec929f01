using HomeOps.Core.Status;
using HomeOps.Runtime.Kubernetes;

namespace HomeOps.Operations.Status;

/// <summary>
/// One section of `homeops status` (Kubernetes, Flux, Cilium, ...), a plug-in the CLI, the MCP server and the
/// upgrade gates share. <see cref="Kinds"/> are the kinds it lists, read once per run by the snapshot whatever the
/// number of sections that need them; a section never sends a request per object.
/// </summary>
public interface IStatusSection
{
    string Id { get; }

    string Title { get; }

    IReadOnlyList<KubeResource> Kinds { get; }

    /// <summary>Reads the section. Never throws for a cluster that does not answer: that is a finding.</summary>
    Task<StatusSection> ReadAsync(StatusContext context, CancellationToken cancellationToken);
}
