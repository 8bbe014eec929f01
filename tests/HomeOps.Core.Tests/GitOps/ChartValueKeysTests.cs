using HomeOps.Core.Diagnostics;
using HomeOps.Core.GitOps.Model;
using HomeOps.Core.GitOps.Rules;
using HomeOps.Core.Schema;
using HomeOps.Core.Yaml;

namespace HomeOps.Core.Tests.GitOps;

/// <summary>Which keys of a release's values its chart does not have (HO3304), and chart schemas read as JSON Schema (HO3303).</summary>
public sealed class ChartValueKeysTests
{
    private const string ChartValues = """
        replicas: 1
        loadBalancer:
          acceleration: disabled
          # mode: snat
        podAnnotations: {}
        resources:
        securityContext:
          runAsNonRoot: true
        config:
          level: info
        items: []
        """;

    private const string Templates = """
        securityContext: {{- toYaml .Values.securityContext | nindent 8 }}
        {{- if .Values.db.backup.enabled }}backup{{ end }}
        {{- range $k, $v := .Values.config }}
        {{ $k }}={{ $v }}
        {{- end }}
        """;

    private static readonly ChartContent s_chart = new("app", "1.0.0", ChartValues, null, Templates,
        [new Subchart("db", new ChartContent("postgresql", "1.0.0", "auth:\n  username: app\n", null, "name: {{ .Values.fullnameOverride }}", []))]);

    [Fact]
    public void Unknown_KeysOfValuesYaml_AreKnown() =>
        Unknown("replicas: 2\nloadBalancer:\n  acceleration: native\n").ShouldBeEmpty();

    [Fact]
    public void Unknown_Typo_IsReportedWithTheClosestKey()
    {
        var (path, subchart, suggestion) = Unknown("loadBalancer:\n  acceleraton: native\n").ShouldHaveSingleItem();
        path.ShouldBe(["loadBalancer", "acceleraton"]);
        subchart.ShouldBeNull();
        suggestion.ShouldBe("acceleration");
    }

    [Theory]
    [InlineData("loadBalancer:\n  mode: dsr\n")]                 // documented as a commented-out line
    [InlineData("podAnnotations:\n  team: home\n")]              // default {}: a free-form map
    [InlineData("resources:\n  limits:\n    memory: 1Gi\n")]     // default null
    [InlineData("securityContext:\n  seccompProfile:\n    type: RuntimeDefault\n")]   // handed on whole by toYaml
    [InlineData("config:\n  format: json\n")]                    // ranged over
    [InlineData("global:\n  imageRegistry: mirror.local\n")]     // helm's global values
    [InlineData("items:\n  - anything: goes\n")]                 // lists are not looked into
    [InlineData("db:\n  auth:\n    username: ha\n")]             // a subchart's own default
    [InlineData("db:\n  fullnameOverride: pg\n")]              // read by the subchart's templates, not in its values.yaml
    [InlineData("db:\n  backup:\n    enabled: true\n")]         // read by the parent's templates below the subchart's key
    public void Unknown_FreeFormOrDocumentedKeys_AreNotReported(string values) =>
        Unknown(values).ShouldBeEmpty();

    [Fact]
    public void Unknown_SubchartKey_IsCheckedAgainstTheSubchart()
    {
        var (path, subchart, _) = Unknown("db:\n  auth:\n    usernme: ha\n").ShouldHaveSingleItem();
        path.ShouldBe(["db", "auth", "usernme"]);
        subchart.ShouldBe("db");
    }

    [Fact]
    public void Unknown_PathInTheFreeFormList_IsSkipped()
    {
        Unknown("extra:\n  a: 1\n").ShouldHaveSingleItem();
        Unknown("extra:\n  a: 1\n", ["extra"]).ShouldBeEmpty();
        Unknown("loadBalancer:\n  custom: 1\n", ["loadBalancer"]).ShouldBeEmpty();
    }

    [Fact]
    public void Settings_FreeFormValues_AreListsOfPathsPerChart()
    {
        var bag = new DiagnosticBag();
        ValidateSettings.Parse("freeFormValues:\n  authentik: [authentik]\n", ".homeops.yaml", bag).FreeFormValues["authentik"].ShouldBe(["authentik"]);
        bag.Items.ShouldBeEmpty();
        ValidateSettings.Parse("freeFormValues:\n  authentik: authentik\n", ".homeops.yaml", bag);
        bag.Items.ShouldHaveSingleItem().Code.ShouldBe("HO3221");
    }

    [Fact]
    public void JsonSchema_TypesRefsAndClosedObjects_AreChecked()
    {
        var schema = SchemaParser.FromJsonSchema("""
            {
              "type": "object",
              "properties": {
                "replicas": { "type": ["integer", "null"] },
                "image": { "$ref": "#/$defs/image" },
                "free": { "type": "object" },
                "either": { "type": ["string", "boolean"] }
              },
              "$defs": { "image": { "type": "object", "additionalProperties": false, "properties": { "tag": { "type": "string" }, "pull": { "enum": ["Always", "Never"] } } } }
            }
            """).ShouldNotBeNull();
        Violations(schema, "replicas: ~\nfree:\n  any: 1\neither: true\nimage:\n  tag: \"1.0\"\n").ShouldBeEmpty();
        Violations(schema, "replicas: \"3\"\nimage:\n  tga: x\n  pull: Sometimes\n").ShouldBe(
            ["replicas WrongType", "image.tga UnknownField", "image.pull NotAllowedValue"], ignoreOrder: true);
        SchemaParser.FromJsonSchema("not json").ShouldBeNull();
    }

    [Fact]
    public void JsonSchema_RecursiveRef_IsReadOnceAndEndsWhereItLoops()
    {
        var schema = SchemaParser.FromJsonSchema("""
            { "$ref": "#/$defs/node", "$defs": { "node": { "type": "object", "properties": { "n": { "type": "integer" }, "child": { "$ref": "#/$defs/node" } } } } }
            """).ShouldNotBeNull();
        Violations(schema, "n: x\nchild:\n  n: 1\n").ShouldBe(["n WrongType"]);
        Violations(schema, "child:\n  child:\n    anything: goes\n").ShouldBeEmpty();
    }

    [Fact]
    public void Unknown_TypoOfACommentedKey_SuggestsIt() =>
        Unknown("loadBalancer:\n  mdoe: dsr\n").ShouldHaveSingleItem().Suggestion.ShouldBe("mode");

    [Fact]
    public void SchemaViolations_BelowAnEnabledSubchartsKey_AreCheckedAgainstItsSchema()
    {
        var database = new ChartContent("postgresql", "1.0.0", "port: 5432\nenabled: false\n", """{ "properties": { "port": { "type": "integer" } } }""", string.Empty, []);
        var chart = new ChartContent("app", "1.0.0", "db:\n  enabled: true\ncache:\n  enabled: false\n", """{ "properties": { "replicas": { "type": "integer" } } }""", string.Empty,
            [new Subchart("db", database, "db.enabled"), new Subchart("cache", database, "cache.enabled")]);

        string[] Found(string yaml) => [.. ChartValuesSchema.Violations(chart, Read(yaml)).Select(x => $"{string.Join('.', x.Violation.Path)} {x.Violation.Kind} {x.Chart.Name}")];

        Found("replicas: x\ndb:\n  port: x\n").ShouldBe(["replicas WrongType app", "db.port WrongType postgresql"]);
        Found("db:\n  enabled: false\n  port: x\n").ShouldBeEmpty();          // disabled by the release
        Found("cache:\n  port: x\n").ShouldBeEmpty();                          // disabled by the chart's default
        Found("cache:\n  enabled: true\n  port: x\n").ShouldBe(["cache.port WrongType postgresql"]);
        var quiet = chart with { ValuesYaml = string.Empty };
        ChartValuesSchema.Violations(quiet, Read("db:\n  port: x\n")).ShouldBeEmpty();          // disabled by the subchart's own default
    }

    private static List<string> Violations(SchemaNode schema, string yaml) =>
        [.. new SchemaValidator(null).Validate(Read(yaml), new KindSchema(string.Empty, string.Empty, schema, false, "test"))
            .Select(v => $"{string.Join('.', v.Path)} {v.Kind}")];

    private static List<(object[] Path, string? Subchart, string? Suggestion)> Unknown(string values, IReadOnlyList<string>? freeForm = null) =>
        [.. ChartValueKeys.Unknown(Read(values), s_chart, freeForm ?? [])];

    private static YamlMapping Read(string yaml)
    {
        var bag = new DiagnosticBag();
        var node = YamlReader.ReadSingle(yaml, "values.yaml", bag) as YamlMapping;
        bag.Items.ShouldBeEmpty();
        return node.ShouldNotBeNull();
    }
}
