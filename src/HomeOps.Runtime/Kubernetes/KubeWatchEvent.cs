using System.Text.Json.Nodes;

namespace HomeOps.Runtime.Kubernetes;

/// <summary>One watch event: ADDED, MODIFIED, DELETED or BOOKMARK, and the object.</summary>
public sealed record KubeWatchEvent(string Type, JsonObject Object);
