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
        var declared = new HashSet<string>(StringComparer.Ordinal);
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
            var key = model + " " + string.Join(",", entry.Entries("identifiers").Select(e => $"{e.Key.Value}={e.Value.Text()}"));
            var state = entry.Text("state") ?? "present";
            if (state is not ("present" or "created"))
            {
                problems.Add($"{model}: state '{state}' is not one this chart uses");
            }

            // An entry with state created that names an object an earlier entry declared is validated partially
            // (importer.py: the existing instance is passed with partial=True), so required fields may be missing.
            if (!(state == "created" && declared.Contains(key)))
            {
                problems.AddRange(request.Items("required").Select(r => r.Text()!).Where(r => !present.Contains(r)).Select(r => $"{model}: required field '{r}' is not set"));
            }

            declared.Add(key);
            problems.AddRange(PermissionProblems(model, entry));
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

    /// <summary>
    /// An entry's object permissions: Django's default permissions of the entry's model (add, change, delete, view
    /// _&lt;model&gt;; what the importer's assign_perm accepts on that object), each for a user or a role.
    /// </summary>
    private static IEnumerable<string> PermissionProblems(string model, YamlMapping entry)
    {
        var modelName = model[(model.IndexOf('.', StringComparison.Ordinal) + 1)..];
        foreach (var permission in entry.Items("permissions"))
        {
            var keys = permission.Entries().Select(e => e.Key.Value).ToList();
            var name = permission.Text("permission");
            if (name is null || !new[] { "add_", "change_", "delete_", "view_" }.Any(p => name == p + modelName))
            {
                yield return $"{model}: permission '{name}' is not one of this model's (add|change|delete|view)_{modelName}";
            }

            if (keys.Except(["permission", "user", "role"]).Any() || keys.Contains("user") == keys.Contains("role"))
            {
                yield return $"{model}: a permission takes 'permission' and one of 'user' or 'role' (has {string.Join(", ", keys)})";
            }
        }
    }

    private static IEnumerable<YamlEntry> AllEntries(YamlEntry entry) =>
        new[] { entry }.Concat(entry.Value.Mappings().SelectMany(m => m.Entries));
}
