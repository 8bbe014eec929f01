using System.Text.Json.Nodes;

namespace HomeOps.Fakes.Kubernetes;

/// <summary>One change in the fake store: what kind, ADDED/MODIFIED/DELETED, the object after it, and its revision.</summary>
public sealed record FakeWatchEvent(FakeResourceType Type, string EventType, JsonObject Object, long Revision);
