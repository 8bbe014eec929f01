using System.Text.Json.Nodes;

namespace HomeOps.Runtime.Kubernetes;

/// <summary>A list response: the items and the resourceVersion to start a watch from.</summary>
public sealed record KubeList(IReadOnlyList<JsonObject> Items, string ResourceVersion);
