using HomeOps.Core.Diagnostics;
using HomeOps.Core.Yaml;
using HomeOps.Testing;
using HomeOps.Tree.Tests.Tree;

namespace HomeOps.Tree.Tests.Charts;

/// <summary>
/// The blueprint the chart renders, checked against Authentik 2025.6.4's own API schema
/// (schemas/authentik/schema.yml): every model exists, every identifier and attribute is a field of the
/// model's request schema, required fields are set and enumerated values are allowed ones.
/// </summary>
public sealed class BlueprintSchemaTests
{
    private static readonly Lazy<YamlMapping> s_schema = new(() =>
    {
        var path = RepositoryPaths.Combine("schemas", "authentik", "schema.yml");
        return YamlReader.ReadSingle(File.ReadAllText(path), path, new DiagnosticBag()) as YamlMapping
            ?? throw new InvalidOperationException($"{path} is not a YAML mapping");
    });

    /// <summary>Blueprint model → the request schema its serializer accepts.</summary>
    private static readonly Dictionary<string, string> s_requestSchemas = new(StringComparer.Ordinal)
    {
        ["authentik_providers_proxy.proxyprovider"] = "ProxyProviderRequest",
        ["authentik_providers_oauth2.oauth2provider"] = "OAuth2ProviderRequest",
        ["authentik_core.application"] = "ApplicationRequest",
        ["authentik_core.group"] = "GroupRequest",
        ["authentik_policies.policybinding"] = "PolicyBindingRequest",
        ["authentik_core.user"] = "UserRequest",
        ["authentik_core.token"] = "TokenRequest",
        ["authentik_outposts.outpost"] = "OutpostRequest",
    };

    /// <summary>
    /// Fields blueprints may set that the API does not show: a token's key (TokenSerializer adds it in blueprint
    /// context) and pk as an identifier (the importer assigns it to a new object).
    /// </summary>
    private static readonly Dictionary<string, string[]> s_blueprintOnly = new(StringComparer.Ordinal)
    {
        ["authentik_core.token"] = ["key"],
        ["authentik_outposts.outpost"] = ["pk"],
    };

    /// <summary>Attribute → the enum schema its value must come from.</summary>
    private static readonly Dictionary<string, string> s_enums = new(StringComparer.Ordinal)
    {
        ["mode"] = "ProxyMode",
        ["client_type"] = "ClientTypeEnum",
        ["intent"] = "IntentEnum",
        ["type"] = "OutpostTypeEnum",
        ["policy_engine_mode"] = "PolicyEngineMode",
        ["matching_mode"] = "MatchingModeEnum",
    };

    private static YamlNode? Schema(string name) => s_schema.Value.At("components", "schemas", name);

    [Fact]
    public async Task Blueprint_EveryEntry_FitsAuthentik2025_6_4()
    {
        var result = await HelmChart.TemplateAsync("authentik-proxy-config", "authentik-proxy-config", "authentik", null, "domain=k8s.example.net");
        result.ExitCode.ShouldBe(0, result.StandardError);
        var blueprint = Blueprint.From(result.StandardOutput);
        s_schema.Value.Text("info", "version").ShouldBe("2025.6.4");
        var models = Schema("ModelEnum").Items("enum").Select(m => m.Text()).ToHashSet(StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var entry in blueprint.Entries)
        {
            var model = entry.Text("model")!;
            if (model == "authentik_blueprints.metaapplyblueprint")
            {
                entry.Entries("attrs").Select(e => e.Key.Value).Order(StringComparer.Ordinal).ShouldBe(["identifiers", "required"]);
                continue;
            }

            if (!models.Contains(model) || !s_requestSchemas.TryGetValue(model, out var requestSchema))
            {
                problems.Add($"{model}: not a model this test knows of Authentik 2025.6.4");
                continue;
            }

            var request = Schema(requestSchema);
            var fields = request.Entries("properties").Select(p => p.Key.Value).Concat(s_blueprintOnly.GetValueOrDefault(model, [])).ToHashSet(StringComparer.Ordinal);
            var set = entry.Entries("identifiers").Concat(entry.Entries("attrs")).ToList();
            problems.AddRange(set.Where(e => !fields.Contains(e.Key.Value)).Select(e => $"{model}: no field '{e.Key.Value}'"));
            var present = set.Select(e => e.Key.Value).ToHashSet(StringComparer.Ordinal);
            problems.AddRange(request.Items("required").Select(r => r.Text()!).Where(r => !present.Contains(r)).Select(r => $"{model}: required field '{r}' is not set"));
            foreach (var value in set.SelectMany(e => AllEntries(e)).Where(e => s_enums.ContainsKey(e.Key.Value) && e.Value is YamlScalar))
            {
                var allowed = Schema(s_enums[value.Key.Value]).Items("enum").Select(v => v.Text()).ToList();
                if (!allowed.Contains(value.Value.Text()))
                {
                    problems.Add($"{model}: {value.Key.Value} '{value.Value.Text()}' is not one of {string.Join(", ", allowed)}");
                }
            }
        }

        problems.ShouldBeEmpty();
        blueprint.Entries.Select(e => e.Text("model")).Distinct().Count().ShouldBeGreaterThanOrEqualTo(8, "every kind of entry was checked");
    }

    private static IEnumerable<YamlEntry> AllEntries(YamlEntry entry) =>
        new[] { entry }.Concat(entry.Value.Mappings().SelectMany(m => m.Entries));
}
