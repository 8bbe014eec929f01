using System.Text.Json.Nodes;

namespace HomeOps.Operations.Bootstrap.Tree;

/// <summary>One YAML document of the GitOps tree, as JSON, with the file it came from.</summary>
public sealed record TreeDocument(string File, JsonObject Object)
{
    public string Kind => Object["kind"]?.GetValue<string>() ?? string.Empty;

    public string ApiVersion => Object["apiVersion"]?.GetValue<string>() ?? string.Empty;

    public string Name => Object["metadata"]?["name"]?.GetValue<string>() ?? string.Empty;

    public string? Namespace => Object["metadata"]?["namespace"]?.GetValue<string>();
}
