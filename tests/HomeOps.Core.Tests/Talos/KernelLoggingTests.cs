using HomeOps.Core.Diagnostics;
using HomeOps.Core.Talos.Documents;
using HomeOps.Core.Schema;
using HomeOps.Testing;
using Json.Schema;

namespace HomeOps.Core.Tests.Talos;

/// <summary>
/// talos.kernelLogging becomes a KmsgLogConfig document: Talos 1.10 on UEFI boots with systemd-boot, which ignores
/// machine.install.extraKernelArgs, so a talos.logging.kernel= argument there never reaches the kernel.
/// </summary>
public sealed class KernelLoggingTests
{
    private static IEnumerable<DocMap> KmsgLogConfigs(Core.Talos.Rendering.RenderedNode node) =>
        node.Documents.Where(d => d.StringAt("kind") == "KmsgLogConfig");

    [Fact]
    public void Render_KernelLogging_IsAKmsgLogConfigDocumentOnEveryNode()
    {
        foreach (var node in TalosTestCluster.Rendered.Nodes)
        {
            var document = KmsgLogConfigs(node).ShouldHaveSingleItem(node.FileName);
            document.StringAt("apiVersion").ShouldBe("v1alpha1");
            document.StringAt("name").ShouldBe("kernel-logging");
            document.StringAt("url").ShouldBe("udp://172.29.51.1:514/");
            document.Origin.Span.Path.ShouldBe("cluster.yaml");
            document.Origin.Span.Line.ShouldBe(LineOf("kernelLogging:"));
        }
    }

    [Fact]
    public void Render_KernelLogging_SetsNoKernelArgumentSystemdBootWouldIgnore()
    {
        foreach (var node in TalosTestCluster.Rendered.Nodes)
        {
            node.Main.At("machine.install.extraKernelArgs").ShouldBeNull(node.FileName);
        }
    }

    [Fact]
    public void Render_WithoutKernelLogging_HasNoKmsgLogConfig()
    {
        var yaml = File.ReadAllText(RepositoryPaths.ClusterFile).Replace("  kernelLogging: udp://172.29.51.1:514/\n", string.Empty, StringComparison.Ordinal);
        var result = TalosTestCluster.Render(TalosTestCluster.Config(yaml), withSecrets: false);
        result.Diagnostics.ShouldBeEmpty();
        result.Nodes.SelectMany(KmsgLogConfigs).ShouldBeEmpty();
    }

    [Fact]
    public void KmsgLogConfig_IsValidForTheSharedReferenceSchema()
    {
        var reference = RepositoryPaths.SharedReference;
        Assert.SkipWhen(reference is null, "../shared/reference is not next to this checkout");

        var schema = JsonSchema.FromText(File.ReadAllText(Path.Combine(reference!, "talos", "v1.10", "config.schema.json")));
        var document = KmsgLogConfigs(TalosTestCluster.Rendered.Nodes[0]).Single();
        var result = schema.Evaluate(TalosSchemaTests.ToJson(document), new EvaluationOptions { OutputFormat = OutputFormat.List });
        result.IsValid.ShouldBeTrue();

        // The reference schema does check this kind: a URL Talos would refuse fails it.
        var bad = TalosSchemaTests.ToJson(document)!.AsObject();
        bad["url"] = "https://172.29.51.1:514/";
        schema.Evaluate(bad).IsValid.ShouldBeFalse();
    }

    [Fact]
    public void KmsgLogConfig_IsValidForTheEmbeddedSchema()
    {
        var bag = new DiagnosticBag();
        var validator = new TalosDocumentValidator(TalosSchema.Embedded, bag);
        validator.Validate(KmsgLogConfigs(TalosTestCluster.Rendered.Nodes[0]).Single());
        bag.Items.ShouldBeEmpty();

        var bad = TalosTestCluster.Patch("apiVersion: v1alpha1\nkind: KmsgLogConfig\nname: kernel-logging\nurl: https://172.29.51.1:514/\n");
        validator.Validate(bad.Documents.Single());
        bag.Items.ShouldHaveSingleItem().Code.ShouldBe("HO2204");
    }

    [Theory]
    [InlineData("udp://172.29.51.1:514/", true)]
    [InlineData("tcp://logs.home.arpa:5044", true)]
    [InlineData("udp://[fd47:25e1:2f96:51::5]:514/", true)]
    [InlineData("udp://172.29.51.1/", false)] // no port
    [InlineData("udp://172.29.51.1:514/kmsg", false)] // a path
    [InlineData("syslog://172.29.51.1:514/", false)]
    [InlineData("https://172.29.51.1:514/", false)]
    public void KmsgLogUrlFormat_AcceptsWhatTalosAccepts(string url, bool valid)
    {
        (Core.Schema.ValueFormats.Get(Core.Schema.ValueFormats.KmsgLogUrl).Check(url) is null).ShouldBe(valid);
    }

    [Theory]
    [InlineData(34, true)]
    [InlineData(35, false)]
    public void UserVolumeNameFormat_AllowsAtMost34Characters(int length, bool valid)
    {
        var name = "v" + new string('a', length - 1);
        var reason = Core.Schema.ValueFormats.Get(Core.Schema.ValueFormats.UserVolumeName).Check(name);
        (reason is null).ShouldBe(valid);
        if (!valid)
        {
            reason.ShouldNotBeNull().ShouldContain("at most 34");
        }
    }

    private static int LineOf(string key) =>
        File.ReadAllLines(RepositoryPaths.ClusterFile).Select((l, i) => (l, i)).First(x => x.l.TrimStart().StartsWith(key, StringComparison.Ordinal)).i + 1;
}
