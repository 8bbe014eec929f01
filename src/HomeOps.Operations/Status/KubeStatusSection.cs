using System.Text.Json.Nodes;
using HomeOps.Core.Status;
using HomeOps.Runtime.Kubernetes;

namespace HomeOps.Operations.Status;

/// <summary>
/// A section computed from lists of objects (one list request per kind, shared through the snapshot), by a pure
/// function of Core (<see cref="KubeStatusSections"/> holds them). When a kind cannot be read the section is one line
/// saying why: "could not ask" (the API) or "not installed" (the API does not serve the component's kind).
/// </summary>
public sealed class KubeStatusSection : IStatusSection
{
    private readonly Func<Func<KubeResource, IReadOnlyList<JsonObject>>, StatusContext, CancellationToken, Task<StatusSection>> _evaluate;

    /// <param name="required">The kinds without which the section has nothing to say; null for all of <paramref name="kinds"/>.</param>
    /// <param name="evaluate">
    /// The section from the objects of each kind (an optional kind not installed gives an empty list). It may send one
    /// more request per component through <see cref="StatusContext.Cluster"/>, never one per object.
    /// </param>
    public KubeStatusSection(string id, string title, IReadOnlyList<KubeResource> kinds, IReadOnlyList<KubeResource>? required,
        Func<Func<KubeResource, IReadOnlyList<JsonObject>>, StatusContext, CancellationToken, Task<StatusSection>> evaluate)
    {
        Id = id;
        Title = title;
        Kinds = kinds;
        Required = required ?? kinds;
        _evaluate = evaluate;
    }

    /// <summary>A section that is a function of the lists and the time alone.</summary>
    public static KubeStatusSection FromLists(string id, string title, IReadOnlyList<KubeResource> kinds, IReadOnlyList<KubeResource>? required,
        Func<Func<KubeResource, IReadOnlyList<JsonObject>>, DateTimeOffset, StatusSection> evaluate) =>
        new(id, title, kinds, required, (items, context, _) => Task.FromResult(evaluate(items, context.Time.GetUtcNow())));

    public string Id { get; }

    public string Title { get; }

    public IReadOnlyList<KubeResource> Kinds { get; }

    public IReadOnlyList<KubeResource> Required { get; }

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
        return await _evaluate(r => byKind.TryGetValue(r, out var read) ? read.Items : [], context, cancellationToken).ConfigureAwait(false);
    }
}
