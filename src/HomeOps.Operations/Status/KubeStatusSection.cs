using System.Text.Json.Nodes;
using HomeOps.Core.Status;
using HomeOps.Runtime.Kubernetes;

namespace HomeOps.Operations.Status;

/// <summary>
/// A section computed from lists of objects alone. When a kind cannot be read the section is one line saying why:
/// "could not ask" (the API) or "not installed" (the API does not serve the component's kind).
/// </summary>
public abstract class KubeStatusSection : IStatusSection
{
    public abstract string Id { get; }

    public abstract string Title { get; }

    public abstract IReadOnlyList<KubeResource> Kinds { get; }

    /// <summary>The kinds without which the section has nothing to say; by default all of them.</summary>
    protected virtual IReadOnlyList<KubeResource> Required => Kinds;

    public async Task<StatusSection> ReadAsync(StatusContext context, CancellationToken cancellationToken)
    {
        var reads = await context.Cluster.ReadAllAsync(Kinds, cancellationToken).ConfigureAwait(false);
        if (reads.FirstOrDefault(r => r.Problem is { Health: not Health.Absent }) is { Problem: { } failure })
        {
            return StatusSection.CouldNotAsk(Id, Title, failure);
        }

        if (reads.FirstOrDefault(r => r.NotInstalled && Required.Contains(r.Resource)) is { Problem: { } absent })
        {
            return StatusSection.CouldNotAsk(Id, Title, absent);
        }

        var byKind = reads.ToDictionary(r => r.Resource);
        return Evaluate(r => byKind.TryGetValue(r, out var read) ? read.Items : [], context.Time.GetUtcNow());
    }

    /// <summary>The section from the objects of each kind (an optional kind not installed gives an empty list).</summary>
    protected abstract StatusSection Evaluate(Func<KubeResource, IReadOnlyList<JsonObject>> items, DateTimeOffset now);
}
