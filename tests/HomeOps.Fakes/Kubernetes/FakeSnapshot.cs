using System.Text.Json.Nodes;
using HomeOps.Core.Diagnostics;
using HomeOps.Core.Yaml;

namespace HomeOps.Fakes.Kubernetes;

/// <summary>
/// Puts a recorded cluster state into the fake API server: a folder of JSON lists, one per kind (what
/// `kubectl get KIND -A -o json` prints). Custom kinds are served from their real CustomResourceDefinitions
/// (the repository's schemas/crds, the versions the tree pins, then tests/HomeOps.Fakes/Crds for kinds the tree never
/// declares, such as the CiliumBGPNodeConfig the Cilium operator writes), so every object is checked against the real schema
/// (strictly: an unknown field in a fixture is an error, not silently pruned). Each object is created as a client
/// would create it, then its status written through the status subresource as its controller would.
/// </summary>
public static class FakeSnapshot
{
    /// <returns>The kinds loaded, as "plural.group".</returns>
    public static IReadOnlyList<string> Load(FakeKubeStore store, string folder, params IReadOnlyList<string> crdFolders)
    {
        var lists = Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal)
            .Select(f => (File: f, List: JsonNode.Parse(File.ReadAllText(f)) as JsonObject ?? throw new InvalidDataException($"{f} is not a JSON object")))
            .ToList();
        var kinds = new List<string>();
        foreach (var (file, list) in lists)
        {
            var apiVersion = list["apiVersion"]?.GetValue<string>() ?? throw new InvalidDataException($"{file}: no apiVersion");
            var listKind = list["kind"]?.GetValue<string>() ?? throw new InvalidDataException($"{file}: no kind");
            var kind = listKind.EndsWith("List", StringComparison.Ordinal) ? listKind[..^4] : throw new InvalidDataException($"{file}: {listKind} is not a list kind");
            var type = store.TypeOf(apiVersion, kind) ?? InstallCrd(store, crdFolders, apiVersion, kind);
            kinds.Add(type.QualifiedPlural);
            foreach (var item in (list["items"] as JsonArray ?? []).OfType<JsonObject>())
            {
                Put(store, type, item);
            }
        }

        return kinds;
    }

    /// <summary>Serves a custom kind from its CRD in the first of <paramref name="crdFolders"/> that has it (searched recursively).</summary>
    public static FakeResourceType InstallCrd(FakeKubeStore store, IReadOnlyList<string> crdFolders, string apiVersion, string kind)
    {
        var group = apiVersion.Contains('/', StringComparison.Ordinal) ? apiVersion[..apiVersion.IndexOf('/', StringComparison.Ordinal)] : string.Empty;
        var crd = crdFolders.SelectMany(folder => Directory.GetFiles(folder, "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            .SelectMany(f => YamlReader.ReadAll(File.ReadAllText(f), f, new DiagnosticBag()))
            .Select(YamlJson.ToJson).OfType<JsonObject>()
            .FirstOrDefault(c => c["kind"]?.GetValue<string>() == "CustomResourceDefinition"
                && c["spec"]?["group"]?.GetValue<string>() == group && c["spec"]?["names"]?["kind"]?.GetValue<string>() == kind)
            ?? throw new InvalidDataException($"no CustomResourceDefinition for {kind} ({group}) under {string.Join(", ", crdFolders)}");
        (crd["metadata"] as JsonObject)?.Remove("labels");
        var (accepted, established) = (store.CrdNamesAcceptedDelay, store.CrdEstablishDelay);
        store.CrdNamesAcceptedDelay = store.CrdEstablishDelay = TimeSpan.Zero;
        try
        {
            store.Create(FakeResourceType.Crd, null, crd);
        }
        finally
        {
            (store.CrdNamesAcceptedDelay, store.CrdEstablishDelay) = (accepted, established);
        }

        return store.TypeOf(apiVersion, kind) ?? throw new InvalidDataException($"the CRD for {kind} does not serve {apiVersion}");
    }

    private static void Put(FakeKubeStore store, FakeResourceType type, JsonObject item)
    {
        var body = (JsonObject)item.DeepClone();
        body["apiVersion"] = type.ApiVersion;
        body["kind"] = type.Kind;
        var status = body["status"]?.DeepClone() as JsonObject;
        var ns = body["metadata"]?["namespace"]?.GetValue<string>();
        if (ns is not null && store.Get(store.Type("", "v1", "namespaces")!, null, ns) is null)
        {
            store.Create(store.Type("", "v1", "namespaces")!, null, new JsonObject { ["metadata"] = new JsonObject { ["name"] = ns } });
        }

        var created = store.Create(type, ns, body, "Strict");
        if (status is not null && created["status"] is null)
        {
            store.Patch(type, ns, created["metadata"]!["name"]!.GetValue<string>(), new JsonObject { ["status"] = status }, apply: false, status: true, "Strict");
        }
    }
}
