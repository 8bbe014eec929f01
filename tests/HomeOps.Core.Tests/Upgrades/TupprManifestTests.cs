using HomeOps.Core.Diagnostics;
using HomeOps.Core.GitOps.Model;
using HomeOps.Core.Schema;
using HomeOps.Core.Upgrades;
using HomeOps.Core.Yaml;
using HomeOps.Testing;

namespace HomeOps.Core.Tests.Upgrades;

/// <summary>`upgrade plan --emit-tuppr`: the next step as a tuppr object that tuppr 0.5.0's CRD accepts.</summary>
public sealed class TupprManifestTests
{
    private static UpgradePlan Plan(string talos, string kubernetes, string targetTalos, string targetKubernetes) =>
        UpgradePlanner.Plan(
            new ClusterVersions(ReleaseVersion.Parse(talos), ReleaseVersion.Parse(kubernetes)),
            new ClusterVersions(ReleaseVersion.Parse(targetTalos), ReleaseVersion.Parse(targetKubernetes)),
            SourceSpan.File("cluster.yaml"));

    private static SchemaRegistry TupprSchemas()
    {
        var registry = new SchemaRegistry(builtin: null);
        foreach (var file in Directory.GetFiles(RepositoryPaths.Combine("schemas", "tuppr"), "*.yaml"))
        {
            var diagnostics = new DiagnosticBag();
            foreach (var crd in YamlReader.ReadAll(File.ReadAllText(file), file, diagnostics).OfType<YamlMapping>())
            {
                registry.AddCrd(crd, file).ShouldBeTrue(file);
            }

            diagnostics.Sorted().ShouldBeEmpty();
        }

        return registry;
    }

    private static void ShouldMatchTheCrd(string yaml)
    {
        var diagnostics = new DiagnosticBag();
        var obj = YamlReader.ReadSingle(yaml, "tuppr.yaml", diagnostics).ShouldBeOfType<YamlMapping>();
        diagnostics.Sorted().ShouldBeEmpty();
        var schema = TupprSchemas().Find(obj.Str("apiVersion")!, obj.Str("kind")!).ShouldNotBeNull();
        new SchemaValidator(builtin: null).Validate(obj, schema).ShouldBeEmpty();
    }

    [Fact]
    public void ForNextStep_TalosHop_IsATalosUpgradeTheCrdAccepts()
    {
        var yaml = TupprManifest.ForNextStep(Plan("v1.10.5", "v1.31.1", "v1.11.6", "v1.32.4"))!;

        Golden.Assert(yaml, "tests/HomeOps.Core.Tests/Golden/Upgrades/tuppr-talos.yaml");
        ShouldMatchTheCrd(yaml);
    }

    [Fact]
    public void ForNextStep_KubernetesHop_IsAKubernetesUpgradeTheCrdAccepts()
    {
        var yaml = TupprManifest.ForNextStep(Plan("v1.10.5", "v1.31.1", "v1.10.5", "v1.32.4"))!;

        yaml.ShouldContain("kind: KubernetesUpgrade");
        yaml.ShouldContain("version: v1.32.4");
        ShouldMatchTheCrd(yaml);
    }

    [Fact]
    public void ForNextStep_NothingToDoOrRefusedPlan_EmitsNothing()
    {
        TupprManifest.ForNextStep(Plan("v1.10.5", "v1.31.1", "v1.10.5", "v1.31.1")).ShouldBeNull();
        TupprManifest.ForNextStep(Plan("v1.10.5", "v1.31.1", "v1.11.6", "v1.36.0")).ShouldBeNull();
    }

    [Fact]
    public void Crd_RefusesWhatTupprRefuses_SoTheCheckAboveCanFail()
    {
        var yaml = TupprManifest.ForNextStep(Plan("v1.10.5", "v1.31.1", "v1.11.6", "v1.32.4"))!.Replace("    enabled: true", "    enabled: sometimes\n    evict: always", StringComparison.Ordinal);
        var obj = YamlReader.ReadSingle(yaml, "tuppr.yaml", new DiagnosticBag()).ShouldBeOfType<YamlMapping>();
        new SchemaValidator(builtin: null).Validate(obj, TupprSchemas().Find(obj.Str("apiVersion")!, obj.Str("kind")!)!).Count.ShouldBe(2);
    }
}
