using System.Text.Json.Nodes;

namespace HomeOps.Fakes.Kubernetes;

/// <summary>CRD registration: a created CustomResourceDefinition is accepted and Established at once.</summary>
public sealed partial class FakeKubeStore
{
    private void RegisterCrd(JsonObject crd)
    {
        var spec = crd["spec"] as JsonObject;
        var names = spec?["names"] as JsonObject;
        var group = spec?["group"]?.GetValue<string>();
        var plural = names?["plural"]?.GetValue<string>();
        var kind = names?["kind"]?.GetValue<string>();
        if (group is null || plural is null || kind is null || spec?["versions"] is not JsonArray versions)
        {
            return;
        }

        var namespaced = spec!["scope"]?.GetValue<string>() != "Cluster";
        var singular = names!["singular"]?.GetValue<string>() ?? kind.ToLowerInvariant();
        var shortNames = names["shortNames"] is JsonArray s ? s.Select(n => n!.GetValue<string>()).ToList() : [];
        foreach (var version in versions.OfType<JsonObject>().Where(v => v["served"]?.GetValue<bool>() != false))
        {
            var hasStatus = version["subresources"]?["status"] is not null;
            Register(new FakeResourceType(group, version["name"]!.GetValue<string>(), plural, kind, namespaced, hasStatus, singular, shortNames) { IsCustom = true });
        }

        var storage = versions.OfType<JsonObject>().FirstOrDefault(v => v["storage"]?.GetValue<bool>() == true)?["name"]?.GetValue<string>();
        var crdType = Type("apiextensions.k8s.io", "v1", "customresourcedefinitions")!;
        var now = Now();
        Mutate(crdType, null, NameOf(crd), o => o["status"] = new JsonObject
        {
            ["acceptedNames"] = names.DeepClone(),
            ["storedVersions"] = new JsonArray(storage is null ? [] : [JsonValue.Create(storage)]),
            ["conditions"] = new JsonArray(
                Condition("NamesAccepted", "NoConflicts", "no conflicts found", now),
                Condition("Established", "InitialNamesAccepted", "the initial names have been accepted", now)),
        });
    }

    private static JsonObject Condition(string type, string reason, string message, string now) => new()
    {
        ["type"] = type,
        ["status"] = "True",
        ["lastTransitionTime"] = now,
        ["reason"] = reason,
        ["message"] = message,
    };
}
