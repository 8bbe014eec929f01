using System.Text.Json;

namespace HomeOps.Cli.Tests.Commands;

/// <summary>`homeops validate` end to end in-process: a small Flux tree in a temporary folder, real kubectl kustomize.</summary>
public sealed class ValidateCommandTests
{
    private const string Root = """
        apiVersion: kustomize.config.k8s.io/v1beta1
        kind: Kustomization
        resources:
          - sync.yaml
          - controllers.yaml
          - apps.yaml
        """;

    private const string Controllers = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: kustomize-controller
          namespace: flux-system
        spec:
          selector:
            matchLabels: {app: kc}
          template:
            metadata:
              labels: {app: kc}
            spec:
              containers:
                - name: manager
                  image: ghcr.io/fluxcd/kustomize-controller:v1.4.0
        """;

    private static readonly string Apps = SmallFluxTree.Kustomization("apps", "./apps");

    private const string App = """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: settings
          namespace: flux-system
        data:
          replicas: REPLICAS
        """;

    [Fact]
    public async Task Validate_CleanTree_ExitsZeroWithSummary()
    {
        using var temp = Tree("\"2\"");
        var result = await CliRunner.RunAsync(temp.Path, "validate", "--path", "clusters/lab", "--offline");
        result.ExitCode.ShouldBe(0, result.Out + result.Error);
        result.Out.ShouldContain("validate: 2 Kustomization(s)");
        result.Out.ShouldContain("0 error(s), 0 warning(s)");
    }

    [Fact]
    public async Task Validate_SchemaError_ExitsOneAndPointsAtTheSourceLine()
    {
        using var temp = Tree("2");
        var result = await CliRunner.RunAsync(temp.Path, "validate", "--path", "clusters/lab", "--offline", "--format", "json");
        result.ExitCode.ShouldBe(1, result.Out + result.Error);
        using var json = JsonDocument.Parse(result.Out);
        var d = json.RootElement.GetProperty("diagnostics").EnumerateArray().Single(e => e.GetProperty("severity").GetString() == "error");
        d.GetProperty("code").GetString().ShouldBe("HO3102");
        d.GetProperty("path").GetString().ShouldBe("apps/settings.yaml");
        d.GetProperty("line").GetInt32().ShouldBe(7);
    }

    [Fact]
    public async Task Validate_SeverityOverride_InHomeOpsYaml_TurnsTheRuleOff()
    {
        using var temp = Tree("2");
        temp.Write(".homeops.yaml", "rules:\n  schema-wrong-type: off\n");
        var result = await CliRunner.RunAsync(temp.Path, "validate", "--path", "clusters/lab", "--offline");
        result.ExitCode.ShouldBe(0, result.Out);
        result.Out.ShouldNotContain("HO3102");
    }

    [Fact]
    public async Task Validate_GithubFormat_PrintsAnnotations()
    {
        using var temp = Tree("2");
        var result = await CliRunner.RunAsync(temp.Path, "validate", "--path", "clusters/lab", "--offline", "--format", "github");
        result.Out.ShouldStartWith("::error file=apps/settings.yaml,line=7,col=3,title=HO3102 schema-wrong-type::");
    }

    [Fact]
    public async Task Validate_Timings_PrintsEveryPhaseToStandardErrorAndKeepsTheOutput()
    {
        using var temp = Tree("\"2\"");
        var plain = await CliRunner.RunAsync(temp.Path, "validate", "--path", "clusters/lab", "--offline", "--no-cache", "--format", "json");
        var timed = await CliRunner.RunAsync(temp.Path, "validate", "--path", "clusters/lab", "--offline", "--no-cache", "--format", "json", "--timings");
        timed.ExitCode.ShouldBe(0, timed.Error);
        timed.Out.ShouldBe(plain.Out);
        foreach (var phase in new[] { "start-up", "Flux Kustomizations built (2 in-process, 0 by kustomize, 0 from cache)", "HelmReleases rendered", "rules (", "total", "CPU time" })
        {
            timed.Error.ShouldContain(phase);
        }

        plain.Error.ShouldNotContain("start-up");
    }

    private static TempDirectory Tree(string replicas)
    {
        var temp = new TempDirectory();
        temp.Write("clusters/lab/kustomization.yaml", Root);
        temp.Write("clusters/lab/sync.yaml", SmallFluxTree.Sync);
        temp.Write("clusters/lab/controllers.yaml", Controllers);
        temp.Write("clusters/lab/apps.yaml", Apps);
        temp.Write("apps/settings.yaml", App.Replace("REPLICAS", replicas, StringComparison.Ordinal));
        return temp;
    }
}
