namespace HomeOps.Runtime.Kubernetes;

/// <summary>
/// The API server's answer to an eviction: its HTTP status, the Status message and the messages of its causes
/// (for a PodDisruptionBudget refusal: "The disruption budget NAME needs N healthy pods and has M currently").
/// </summary>
public sealed record KubeEviction(int StatusCode, string Reason, string Message, IReadOnlyList<string> Causes)
{
    /// <summary>The pod is being deleted (201, or 200 from older servers).</summary>
    public bool Evicted => StatusCode is 200 or 201;

    /// <summary>The pod's disruption budget allows no disruption now; asking again later may succeed.</summary>
    public bool Blocked => StatusCode == 429;

    /// <summary>The pod no longer exists.</summary>
    public bool Gone => StatusCode == 404;
}
