using System.Text.Json.Nodes;

namespace HomeOps.Fakes.Kubernetes;

/// <summary>Legacy discovery documents (APIVersions, APIGroupList, APIResourceList) built from the registered kinds.</summary>
public sealed partial class FakeKubeApiServer
{
    public const string KubernetesVersion = "v1.31.1";

    private static readonly string[] s_verbs = ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"];

    private JsonObject ApiVersions() => new()
    {
        ["kind"] = "APIVersions",
        ["versions"] = new JsonArray("v1"),
        ["serverAddressByClientCIDRs"] = new JsonArray(new JsonObject { ["clientCIDR"] = "0.0.0.0/0", ["serverAddress"] = $"127.0.0.1:{Port}" }),
    };

    private JsonObject ApiGroups()
    {
        var groups = new JsonArray();
        foreach (var group in Store.Types.Where(t => t.Group.Length > 0 && Store.IsEstablished(t)).GroupBy(t => t.Group).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var versions = group.Select(t => t.Version).Distinct().Select(v => (JsonNode)new JsonObject { ["groupVersion"] = $"{group.Key}/{v}", ["version"] = v }).ToArray();
            groups.Add(new JsonObject
            {
                ["name"] = group.Key,
                ["versions"] = new JsonArray(versions),
                ["preferredVersion"] = versions[0].DeepClone(),
            });
        }

        return new JsonObject { ["kind"] = "APIGroupList", ["apiVersion"] = "v1", ["groups"] = groups };
    }

    private JsonObject ResourceList(string group, string version)
    {
        var types = Store.Types.Where(t => t.Group == group && t.Version == version && Store.IsEstablished(t)).ToList();
        if (types.Count == 0)
        {
            throw new FakeKubeException(KubeStatus.Failure(404, "NotFound", "the server could not find the requested resource"));
        }

        var resources = new JsonArray();
        foreach (var t in types)
        {
            resources.Add(new JsonObject
            {
                ["name"] = t.Plural,
                ["singularName"] = t.Singular,
                ["namespaced"] = t.Namespaced,
                ["kind"] = t.Kind,
                ["verbs"] = new JsonArray([.. s_verbs.Select(v => (JsonNode)v)]),
                ["shortNames"] = new JsonArray([.. t.ShortNames.Select(s => (JsonNode)s)]),
            });
            if (t.HasStatus)
            {
                resources.Add(new JsonObject
                {
                    ["name"] = t.Plural + "/status",
                    ["singularName"] = string.Empty,
                    ["namespaced"] = t.Namespaced,
                    ["kind"] = t.Kind,
                    ["verbs"] = new JsonArray("get", "patch", "update"),
                });
            }
        }

        return new JsonObject
        {
            ["kind"] = "APIResourceList",
            ["apiVersion"] = "v1",
            ["groupVersion"] = group.Length == 0 ? version : $"{group}/{version}",
            ["resources"] = resources,
        };
    }

    private static JsonObject VersionInfo() => new()
    {
        ["major"] = "1",
        ["minor"] = "31",
        ["gitVersion"] = KubernetesVersion,
        ["gitCommit"] = "0000000000000000000000000000000000000000",
        ["gitTreeState"] = "clean",
        ["buildDate"] = "2024-09-11T00:00:00Z",
        ["goVersion"] = "go1.22.6",
        ["compiler"] = "gc",
        ["platform"] = "linux/amd64",
    };
}
