namespace HomeOps.Core.Schema;

/// <summary>The schema of one apiVersion/kind, whether it is namespaced, and where the schema came from.</summary>
public sealed record KindSchema(string ApiVersion, string Kind, SchemaNode Root, bool Namespaced, string Source);
