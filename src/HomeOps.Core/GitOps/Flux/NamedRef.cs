namespace HomeOps.Core.GitOps.Flux;

/// <summary>A reference by kind, name and namespace (dependsOn items, sourceRef, substituteFrom), with its path in the object (for diagnostics).</summary>
public sealed record NamedRef(string Kind, string Name, string Namespace, object[] Path, bool Optional = false)
{
    public override string ToString() => $"{Kind}/{Namespace}/{Name}";
}
