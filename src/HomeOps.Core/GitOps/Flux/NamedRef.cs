using HomeOps.Core.Yaml;

namespace HomeOps.Core.GitOps.Flux;

/// <summary>A reference by kind, name and namespace (dependsOn items, sourceRef, substituteFrom, valuesFrom), with where it was written.</summary>
public sealed record NamedRef(string Kind, string Name, string Namespace, YamlNode Node, bool Optional = false)
{
    public override string ToString() => $"{Kind}/{Namespace}/{Name}";
}
