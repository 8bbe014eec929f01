using System.Text.Json;
using System.Text.Json.Nodes;
using HomeOps.Core.ClusterConfig;
using HomeOps.Core.Diagnostics;
using HomeOps.Core.Yaml;
using HomeOps.Testing;
using Json.Schema;

namespace HomeOps.Core.Tests.Schema;

/// <summary>The JSON Schema editors use must agree with the loader: it accepts what the loader accepts.</summary>
public sealed class ClusterJsonSchemaTests
{
    private static readonly JsonSchema s_schema = JsonSchema.FromText(ClusterSchemaDocs.JsonSchema("https://example.test/cluster.schema.json"));

    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMapping m => new JsonObject(m.Entries.Select(e => KeyValuePair.Create(e.Key.Value, ToJson(e.Value)))),
        YamlSequence s => new JsonArray([.. s.Items.Select(ToJson)]),
        YamlScalar sc => ScalarKinds.Classify(sc) switch
        {
            ScalarKind.Null => null,
            ScalarKind.Boolean => JsonValue.Create(sc.Value is "true" or "True" or "TRUE"),
            ScalarKind.Integer when ScalarKinds.TryParseInteger(sc.Value, out var n) => JsonValue.Create(n),
            _ => JsonValue.Create(sc.Value),
        },
        _ => throw new InvalidOperationException(),
    };

    private static EvaluationResults Evaluate(string yaml)
    {
        var node = YamlReader.ReadSingle(yaml, "cluster.yaml", new DiagnosticBag())!;
        using var document = JsonDocument.Parse(ToJson(node)!.ToJsonString());
        return s_schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
    }

    [Fact]
    public void Schema_AcceptsBundledClusterYaml()
    {
        var results = Evaluate(File.ReadAllText(RepositoryPaths.ClusterFile));
        results.IsValid.ShouldBeTrue(string.Join("\n", results.Details.Where(d => d.HasErrors).Select(d => $"{d.InstanceLocation}: {string.Join(", ", d.Errors!.Values)}")));
    }

    [Theory]
    [InlineData("  vlan: 51", "  vlann: 51")]
    [InlineData("  vlan: 51", "  vlan: 9999")]
    [InlineData("  mode: bgp", "  mode: ospf")]
    [InlineData("  name: home-ops", "  name: Home_Ops")]
    [InlineData("    role: controlplane\n  - name: mini02", "    role: master\n  - name: mini02")]
    public void Schema_RejectsWhatTheLoaderRejects(string from, string to)
    {
        var yaml = File.ReadAllText(RepositoryPaths.ClusterFile).Replace(from, to, StringComparison.Ordinal);
        ClusterConfigLoader.Load(yaml, "cluster.yaml").HasErrors.ShouldBeTrue();
        Evaluate(yaml).IsValid.ShouldBeFalse();
    }
}
