using System.Text.Json.Nodes;
using HomeOps.Core.Status;
using HomeOps.Runtime.Kubernetes;

namespace HomeOps.Operations.Status;

/// <summary>
/// The answer to one list request: the objects of a kind, or why there are none to show (<see cref="Problem"/>:
/// the kind is not served because its component is not installed, or the API could not be asked).
/// </summary>
public sealed record KindRead(KubeResource Resource, IReadOnlyList<JsonObject> Items, StatusFinding? Problem = null)
{
    public bool Ok => Problem is null;

    public bool NotInstalled => Problem?.Health == Health.Absent;
}
