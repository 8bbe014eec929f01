namespace HomeOps.Core.GitOps.Model;

/// <summary>What identifies an object in a cluster: group, kind, namespace (null when cluster-scoped) and name.</summary>
public sealed record ObjectKey(string Group, string Kind, string? Namespace, string Name)
{
    public override string ToString() => Namespace is null ? $"{Kind}/{Name}" : $"{Kind}/{Namespace}/{Name}";
}
