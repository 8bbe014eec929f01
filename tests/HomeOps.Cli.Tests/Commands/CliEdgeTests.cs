using HomeOps.Testing;

namespace HomeOps.Cli.Tests.Commands;

/// <summary>Usage mistakes at the edges of the command line: each is refused plainly, with exit code 2 or a hint that names the option.</summary>
public sealed class CliEdgeTests
{
    [Theory]
    [InlineData("nope", "--help")]
    [InlineData("config", "nope", "--help")]
    [InlineData("talos", "secrets", "nope", "-h")]
    public async Task UnknownCommand_WithHelp_IsUsageError(params string[] args)
    {
        var result = await CliRunner.RunAsync(RepositoryPaths.Root, args);
        result.ExitCode.ShouldBe(2, result.Out + result.Error);
        result.Error.ShouldContain("'nope'");
        result.Out.ShouldNotContain("Usage:");
    }

    [Theory]
    [InlineData("bootstrap", "--dry-run", "--timeout", "-5")]
    [InlineData("bootstrap", "--dry-run", "--timeout", "0")]
    [InlineData("talos", "reboot", "--dry-run", "--health-timeout", "-1")]
    public async Task Timeout_NotPositive_IsRefused(params string[] args)
    {
        var result = await CliRunner.RunAsync(RepositoryPaths.Root, args);
        result.ExitCode.ShouldBe(2, result.Out + result.Error);
        result.Error.ShouldContain("at least 1");
    }

    [Fact]
    public async Task Validate_MissingSchemaFolder_HintNamesTheSchemasOption()
    {
        using var temp = new TempDirectory();
        temp.Write("clusters/lab/kustomization.yaml", "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [ns.yaml]\n");
        temp.Write("clusters/lab/ns.yaml", "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: lab\n");
        var missing = Path.Combine(temp.Path, "nope");
        var result = await CliRunner.RunAsync(temp.Path, "validate", "--path", "clusters/lab", "--offline", "--schemas", missing);
        result.ExitCode.ShouldBe(1, result.Out + result.Error);
        result.Out.ShouldContain("HO0120");
        result.Out.ShouldContain("--schemas");
        result.Out.ShouldNotContain("--file");
    }

    [Fact]
    public async Task SecretsGenerate_OutsideTheRepository_DoesNotClaimGitIgnored()
    {
        using var repo = new TempDirectory();
        using var elsewhere = new TempDirectory();
        repo.Write("cluster.yaml", File.ReadAllText(RepositoryPaths.ClusterFile));
        var target = Path.Combine(elsewhere.Path, "bundle.yaml");
        var result = await CliRunner.RunAsync(repo.Path, "talos", "secrets", "generate", "-o", target);
        result.ExitCode.ShouldBe(0, result.Out + result.Error);
        File.Exists(target).ShouldBeTrue();
        result.Out.ShouldNotContain("git-ignored");
        result.Out.ShouldContain("outside any git repository");
    }

    [Fact]
    public async Task SecretsGenerate_InARepositoryThatIgnoresIt_SaysGitIgnored_AndWarnsWhenNot()
    {
        using var repo = new TempDirectory();
        repo.Write("cluster.yaml", File.ReadAllText(RepositoryPaths.ClusterFile));
        repo.Write(".gitignore", "/talos/secrets.yaml\n");
        var init = await InstalledPrograms.RunAsync(new Runtime.Processes.CommandSpec("git", ["init", "--quiet", repo.Path]), "install git", TestContext.Current.CancellationToken);
        init.ExitCode.ShouldBe(0);

        var ignored = await CliRunner.RunAsync(repo.Path, "talos", "secrets", "generate");
        ignored.ExitCode.ShouldBe(0, ignored.Out + ignored.Error);
        ignored.Out.ShouldContain("(mode 0600, git-ignored)");

        var tracked = await CliRunner.RunAsync(repo.Path, "talos", "secrets", "generate", "-o", Path.Combine(repo.Path, "bundle.yaml"));
        tracked.ExitCode.ShouldBe(0, tracked.Out + tracked.Error);
        tracked.Out.ShouldContain("git does NOT ignore it");
    }
}
