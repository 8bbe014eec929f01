using System.Text.Json.Nodes;
using HomeOps.Core.Diagnostics;
using HomeOps.Core.Talos.Documents;
using HomeOps.Core.Schema;
using HomeOps.Core.Yaml;
using HomeOps.Testing;
using Json.Schema;

namespace HomeOps.Core.Tests.Talos;

/// <summary>The embedded schema, HomeOps's validator, and an independent JSON Schema implementation agreeing on rendered documents.</summary>
public sealed class TalosSchemaTests
{
    private static readonly Lazy<JsonSchema> s_independent = new(() => JsonSchema.FromText(EmbeddedSchemaText()));

    private static string EmbeddedSchemaText()
    {
        using var stream = typeof(TalosSchema).Assembly.GetManifestResourceStream(TalosSchema.ResourceName)!;
        return new StreamReader(stream).ReadToEnd();
    }

    [Fact]
    public void Embedded_IsByteIdenticalToTheSharedReference()
    {
        var reference = RepositoryPaths.SharedReference;
        Assert.SkipWhen(reference is null, "../shared/reference is not next to this checkout");

        EmbeddedSchemaText().ShouldBe(File.ReadAllText(Path.Combine(reference!, "talos", "v1.10", "config.schema.json")));
    }

    [Fact]
    public void Embedded_KnowsEveryV110DocumentKind()
    {
        TalosSchema.Embedded.DocumentKinds.Select(k => k.Kind).ShouldBe(
            ["EthernetConfig", "EventSinkConfig", "ExtensionServiceConfig", "KmsgLogConfig", "KubeSpanEndpoints", "NetworkDefaultActionConfig",
             "NetworkRuleConfig", "PCIDriverRebindConfig", "SideroLinkConfig", "TrustedRootsConfig", "UserVolumeConfig", "VolumeConfig", "WatchdogTimerConfig"],
            ignoreOrder: true);
    }

    [Fact]
    public void RenderedDocuments_AreValidForAnIndependentValidator()
    {
        foreach (var node in TalosTestCluster.Rendered.Nodes)
        {
            foreach (var document in node.Documents)
            {
                var json = ToJson(document);
                // persist is decoded by Talos but absent from its published schema (see TalosDocumentValidator).
                (json as JsonObject)?.Remove("persist");
                var result = s_independent.Value.Evaluate(json, new EvaluationOptions { OutputFormat = OutputFormat.List });
                result.IsValid.ShouldBeTrue($"{node.FileName} {TalosDocument.Identity(document)}: " +
                    string.Join("; ", (result.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")).Take(5)));
            }
        }
    }

    [Fact]
    public void TalosStabilityFixture_IsValidForHomeOpsValidator()
    {
        var reference = RepositoryPaths.SharedReference;
        Assert.SkipWhen(reference is null, "../shared/reference is not next to this checkout");

        var bag = new DiagnosticBag();
        var yaml = YamlReader.ReadSingle(File.ReadAllText(Path.Combine(reference!, "talos", "v1.10", "controlplane.yaml")), "controlplane.yaml", bag)!;
        new TalosDocumentValidator(TalosSchema.Embedded, bag).Validate((DocMap)DocConverter.FromYaml(yaml, OriginLayer.Patch));
        bag.Items.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("machine:\n  install:\n    wipe: yes-please\n", "HO2202", "machine.install.wipe", 3)]
    [InlineData("machine:\n  install:\n    diskSelector:\n      type: floppy\n", "HO2203", "machine.install.diskSelector.type", 4)]
    [InlineData("machine:\n  kubelet:\n    extraArgz: {}\n", "HO2201", "machine.kubelet.extraArgz", 3)]
    [InlineData("machine:\n  features:\n    kubePrism:\n      port: \"7445\"\n", "HO2202", "machine.features.kubePrism.port", 4)]
    [InlineData("cluster:\n  controlPlane:\n    endpoint: http://172.29.51.10:6443\n", "HO2204", "cluster.controlPlane.endpoint", 3)]
    [InlineData("cluster:\n  allowSchedulingOnMasters: true\n", "HO2201", "cluster.allowSchedulingOnMasters", 2)]
    public void Validate_BadDocument_ReportsTheFieldAtItsLine(string yaml, string code, string path, int line)
    {
        var bag = Validate(yaml);
        var diagnostic = bag.Items.ShouldHaveSingleItem();
        diagnostic.Code.ShouldBe(code);
        diagnostic.Message.ShouldContain(path);
        diagnostic.Location.Line.ShouldBe(line);
    }

    [Fact]
    public void Validate_UnknownField_SuggestsTheClosestName()
    {
        Validate("machine:\n  install:\n    diskSelecter: {}\n").Items.ShouldHaveSingleItem().Hint!.ShouldContain("diskSelector");
    }

    [Fact]
    public void Validate_UnknownKind_ListsTheKnownKinds()
    {
        var diagnostic = Validate("apiVersion: v1alpha1\nkind: SwapVolumeConfig\nname: swap\n").Items.ShouldHaveSingleItem();
        diagnostic.Code.ShouldBe("HO2206");
        diagnostic.Hint!.ShouldContain("UserVolumeConfig");
    }

    [Fact]
    public void Validate_MissingRequiredField_IsReported()
    {
        var diagnostic = Validate("apiVersion: v1alpha1\nkind: ExtensionServiceConfig\n").Items.ShouldHaveSingleItem();
        diagnostic.Code.ShouldBe("HO2205");
        diagnostic.Message.ShouldContain("name");
    }

    [Fact]
    public void Validate_PlainNumberInStringField_IsAcceptedAsGoYamlDoes()
    {
        Validate("machine:\n  sysctls:\n    vm.swappiness: 1\n").Items.ShouldBeEmpty();
    }

    private static DiagnosticBag Validate(string yaml)
    {
        var bag = new DiagnosticBag();
        var node = YamlReader.ReadSingle(yaml, "doc.yaml", bag)!;
        new TalosDocumentValidator(TalosSchema.Embedded, bag).Validate((DocMap)DocConverter.FromYaml(node, OriginLayer.Patch));
        return bag;
    }

    internal static JsonNode? ToJson(DocNode node) => node switch
    {
        DocMap map => new JsonObject(map.Entries.Select(e => new KeyValuePair<string, JsonNode?>(e.Key, ToJson(e.Value)))),
        DocList list => new JsonArray([.. list.Items.Select(ToJson)]),
        DocSecret secret => JsonValue.Create(secret.Value ?? string.Empty),
        DocScalar { Kind: ScalarKind.Integer } s => JsonValue.Create(long.Parse(s.Value, System.Globalization.CultureInfo.InvariantCulture)),
        DocScalar { Kind: ScalarKind.Boolean } s => JsonValue.Create(s.Value == "true"),
        DocScalar { Kind: ScalarKind.Null } => null,
        DocScalar s => JsonValue.Create(s.Value),
        _ => null,
    };
}
