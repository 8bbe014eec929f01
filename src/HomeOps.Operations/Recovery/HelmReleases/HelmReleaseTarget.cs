using System.Text.Json.Nodes;

namespace HomeOps.Operations.Recovery.HelmReleases;

/// <summary>
/// A HelmRelease and the Helm release it manages: spec.releaseName, else "[targetNamespace-]name", kept in
/// spec.storageNamespace, else the target namespace, else the HelmRelease's own (helm-controller v1.1
/// api/v2/helmrelease_types.go GetReleaseName, GetReleaseNamespace, GetStorageNamespace; names over 53 characters,
/// which helm-controller shortens with a hash, are not supported here).
/// </summary>
public sealed record HelmReleaseTarget(string Namespace, string Name, string Release, string StorageNamespace)
{
    public string Id => $"{Namespace}/{Name}";

    public static HelmReleaseTarget From(JsonObject helmRelease)
    {
        var name = helmRelease["metadata"]!["name"]!.GetValue<string>();
        var ns = helmRelease["metadata"]?["namespace"]?.GetValue<string>() ?? "default";
        var spec = helmRelease["spec"];
        var target = spec?["targetNamespace"]?.GetValue<string>();
        return new HelmReleaseTarget(ns, name,
            spec?["releaseName"]?.GetValue<string>() ?? (target is null ? name : $"{target}-{name}"),
            spec?["storageNamespace"]?.GetValue<string>() ?? target ?? ns);
    }
}
