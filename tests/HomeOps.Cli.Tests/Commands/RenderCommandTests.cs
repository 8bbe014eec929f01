using HomeOps.Testing;

namespace HomeOps.Cli.Tests.Commands;

public sealed class RenderCommandTests
{
    private static TempDirectory CopyOfClusterYaml()
    {
        var temp = new TempDirectory();
        temp.Write("cluster.yaml", File.ReadAllText(RepositoryPaths.ClusterFile));
        return temp;
    }

    [Fact]
    public async Task Render_FreshFolder_WritesEveryGeneratedFileOnce()
    {
        using var temp = CopyOfClusterYaml();
        var first = await CliRunner.RunAsync(temp.Path, "render");
        first.ExitCode.ShouldBe(0, first.Out + first.Error);
        first.Out.ShouldContain("clusters/home-ops/cluster-settings.yaml: written");
        first.Out.ShouldContain("talos/patches/all/longhorn.yaml: written");
        File.ReadAllText(Path.Combine(temp.Path, "infrastructure/cilium-config/bgp.yaml"))
            .ShouldBe(File.ReadAllText(RepositoryPaths.Combine("infrastructure/cilium-config/bgp.yaml")));

        var second = await CliRunner.RunAsync(temp.Path, "render");
        second.Out.ShouldNotContain("written");
        second.Out.ShouldContain("infrastructure/cilium-config/load-balancer-pools.yaml: unchanged");
    }

    [Fact]
    public async Task RenderCheck_AfterAHandEdit_FailsWithStaleFile_AndRenderRepairsIt()
    {
        using var temp = CopyOfClusterYaml();
        (await CliRunner.RunAsync(temp.Path, "render")).ExitCode.ShouldBe(0);
        var pools = Path.Combine(temp.Path, "infrastructure/cilium-config/load-balancer-pools.yaml");
        File.WriteAllText(pools, File.ReadAllText(pools).Replace("172.29.52.199", "172.29.52.250", StringComparison.Ordinal));

        var check = await CliRunner.RunAsync(temp.Path, "render", "--check");
        check.ExitCode.ShouldBe(1);
        check.Out.ShouldContain("error HO3801");
        check.Out.ShouldContain("1 of 5 generated file(s) out of date");

        (await CliRunner.RunAsync(temp.Path, "render")).Out.ShouldContain("load-balancer-pools.yaml: written");
        (await CliRunner.RunAsync(temp.Path, "render", "--check")).ExitCode.ShouldBe(0);
    }

    [Fact]
    public async Task Check_ClusterYamlChangedButNotRendered_ReportsEveryStaleFile()
    {
        using var temp = CopyOfClusterYaml();
        temp.Write("clusters/home-ops/kustomization.yaml", File.ReadAllText(RepositoryPaths.Combine("clusters/home-ops/kustomization.yaml")));
        (await CliRunner.RunAsync(temp.Path, "render")).ExitCode.ShouldBe(0);
        var clusterFile = Path.Combine(temp.Path, "cluster.yaml");
        File.WriteAllText(clusterFile, File.ReadAllText(clusterFile).Replace("localAsn: 64512", "localAsn: 64600", StringComparison.Ordinal));
        File.Delete(Path.Combine(temp.Path, "talos/patches/all/longhorn.yaml"));

        var check = await CliRunner.RunAsync(temp.Path, "check");
        check.ExitCode.ShouldBe(1);
        check.Out.ShouldContain("infrastructure/cilium-config/bgp.yaml:1:1: error HO3801");
        check.Out.ShouldContain("talos/patches/all/longhorn.yaml:1:1: error HO3802");
        check.Out.ShouldContain("FAIL  generated files: 3 of 5 up to date");
    }

    [Fact]
    public async Task Check_RepositoryWithoutTree_SkipsTheGeneratedFiles()
    {
        using var temp = CopyOfClusterYaml();
        var check = await CliRunner.RunAsync(temp.Path, "check");
        check.Out.ShouldContain("skip  generated files: no GitOps tree (clusters/home-ops/kustomization.yaml does not exist)");
        check.Out.ShouldNotContain("HO3802");
    }

    [Fact]
    public async Task Render_ClusterYamlWithoutTunnel_ReportsTheMissingValueAndWritesNothing()
    {
        using var temp = new TempDirectory();
        var text = File.ReadAllText(RepositoryPaths.ClusterFile);
        text = text[..text.IndexOf("cloudflare:", StringComparison.Ordinal)];
        temp.Write("cluster.yaml", text);
        var result = await CliRunner.RunAsync(temp.Path, "render");
        result.ExitCode.ShouldBe(1);
        result.Out.ShouldContain("error HO3803");
        result.Out.ShouldContain("cloudflare.tunnelId");
        Directory.Exists(Path.Combine(temp.Path, "clusters")).ShouldBeFalse();
    }

    [Fact]
    public async Task Render_JsonFormat_PrintsOnlyDiagnostics()
    {
        using var temp = CopyOfClusterYaml();
        var result = await CliRunner.RunAsync(temp.Path, "render", "--check", "--format", "json");
        result.ExitCode.ShouldBe(1);
        using var json = System.Text.Json.JsonDocument.Parse(result.Out);
        json.RootElement.ToString().ShouldContain("HO3802");
    }
}
