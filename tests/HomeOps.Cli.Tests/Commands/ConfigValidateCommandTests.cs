using System.Text.Json;
using HomeOps.Testing;

namespace HomeOps.Cli.Tests.Commands;

public sealed class ConfigValidateCommandTests
{
    [Fact]
    public async Task Validate_BundledFile_ExitsZeroAndSaysValid()
    {
        var result = await CliRunner.RunAsync(RepositoryPaths.Root, "config", "validate");
        result.ExitCode.ShouldBe(0, result.Out + result.Error);
        result.Out.ShouldContain("cluster.yaml: valid (0 error(s), 0 warning(s))");
    }

    [Fact]
    public async Task Validate_FromSubfolder_FindsClusterYamlAbove()
    {
        var result = await CliRunner.RunAsync(Path.Combine(RepositoryPaths.Root, "docs"), "config", "validate");
        result.ExitCode.ShouldBe(0, result.Out + result.Error);
        result.Out.ShouldContain("../cluster.yaml: valid");
    }

    [Fact]
    public async Task Validate_InvalidFile_PrintsLocationSourceLineCaretAndHint()
    {
        using var temp = new TempDirectory();
        temp.Write("cluster.yaml", File.ReadAllText(RepositoryPaths.ClusterFile).Replace("  vlan: 51", "  vlann: 51", StringComparison.Ordinal));

        var result = await CliRunner.RunAsync(temp.Path, "config", "validate");

        result.ExitCode.ShouldBe(1);
        var lines = result.Out.Split('\n');
        var header = Array.FindIndex(lines, l => l.Contains("error HO1001", StringComparison.Ordinal));
        header.ShouldBeGreaterThanOrEqualTo(0, result.Out);
        lines[header].ShouldMatch(@"^cluster\.yaml:\d+:3: error HO1001: Unknown key 'vlann' in 'network'$");
        lines[header + 1].ShouldBe("      vlann: 51");
        lines[header + 2].ShouldBe("      ^");
        lines[header + 3].ShouldBe("  hint: Did you mean 'vlan'?");
        result.Out.ShouldContain("cluster.yaml: invalid (1 error(s), 0 warning(s))");
    }

    [Fact]
    public async Task Validate_MissingFile_ExitsTwoWithDiagnostic()
    {
        using var temp = new TempDirectory();
        var result = await CliRunner.RunAsync(temp.Path, "config", "validate", "--file", "nope.yaml");
        result.ExitCode.ShouldBe(2);
        result.Out.ShouldContain("nope.yaml:1:1: error HO0001: File 'nope.yaml' does not exist");
    }

    [Fact]
    public async Task Validate_JsonFormat_IsParseableWithCodesAndPositions()
    {
        using var temp = new TempDirectory();
        temp.Write("cluster.yaml", File.ReadAllText(RepositoryPaths.ClusterFile).Replace("vlan: 51", "vlan: 9999", StringComparison.Ordinal));

        var result = await CliRunner.RunAsync(temp.Path, "config", "validate", "--format", "json");

        result.ExitCode.ShouldBe(1);
        using var json = JsonDocument.Parse(result.Out);
        var d = json.RootElement.GetProperty("diagnostics")[0];
        d.GetProperty("code").GetString().ShouldBe("HO1005");
        d.GetProperty("severity").GetString().ShouldBe("error");
        d.GetProperty("line").GetInt32().ShouldBeGreaterThan(1);
        d.GetProperty("hint").GetString().ShouldBe("Use a value from 1 to 4094");
        json.RootElement.GetProperty("summary").GetProperty("errors").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task Validate_SarifFormat_IsSarif210WithRuleAndRegion()
    {
        using var temp = new TempDirectory();
        temp.Write("cluster.yaml", File.ReadAllText(RepositoryPaths.ClusterFile).Replace("localAsn: 64512", "localAsn: 13335", StringComparison.Ordinal));

        var result = await CliRunner.RunAsync(temp.Path, "config", "validate", "--format", "sarif");

        result.ExitCode.ShouldBe(0, "a warning alone does not fail");
        using var json = JsonDocument.Parse(result.Out);
        json.RootElement.GetProperty("version").GetString().ShouldBe("2.1.0");
        var run = json.RootElement.GetProperty("runs")[0];
        run.GetProperty("tool").GetProperty("driver").GetProperty("rules")[0].GetProperty("id").GetString().ShouldBe("HO1112");
        var sarifResult = run.GetProperty("results")[0];
        sarifResult.GetProperty("level").GetString().ShouldBe("warning");
        sarifResult.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32().ShouldBeGreaterThan(1);
    }

    [Fact]
    public async Task Validate_GithubFormat_PrintsWorkflowCommands()
    {
        using var temp = new TempDirectory();
        temp.Write("cluster.yaml", File.ReadAllText(RepositoryPaths.ClusterFile).Replace("vlan: 51", "vlan: 0", StringComparison.Ordinal));

        var result = await CliRunner.RunAsync(temp.Path, "config", "validate", "--format", "github");

        result.Out.ShouldStartWith("::error file=cluster.yaml,line=");
        result.Out.ShouldContain("title=HO1005 out-of-range::");
    }

    [Fact]
    public async Task Validate_UnknownFormat_IsUsageError()
    {
        var result = await CliRunner.RunAsync(RepositoryPaths.Root, "config", "validate", "--format", "xml");
        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain("Unknown format 'xml'");
    }
}
