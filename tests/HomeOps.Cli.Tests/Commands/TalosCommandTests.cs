using HomeOps.Cli;
using HomeOps.Fakes.Programs;
using HomeOps.Runtime.Files;
using HomeOps.Testing;
using Microsoft.Extensions.Time.Testing;

namespace HomeOps.Cli.Tests.Commands;

/// <summary>`homeops talos ...` end to end, in a copy of the repository's cluster.yaml and talos/patches.</summary>
public sealed class TalosCommandTests
{
    private static readonly DateTimeOffset Now = new(2025, 8, 15, 9, 30, 0, TimeSpan.Zero);

    private static TempDirectory Repository(bool withSecrets, bool withTree = false)
    {
        var temp = new TempDirectory();
        temp.Write("cluster.yaml", File.ReadAllText(RepositoryPaths.ClusterFile));
        // The GitOps tree too, for `homeops check`, which also checks the files rendered from cluster.yaml and the tree:
        // every file a clone has under these folders (kustomize reads config files, helm reads templates).
        string[] folders = withTree ? ["talos/patches", "clusters", "infrastructure", "apps", "charts", "schemas"] : ["talos/patches"];
        var files = folders.Select(f => RepositoryPaths.Combine(f)).Where(Directory.Exists)
            .SelectMany(d => Directory.EnumerateFiles(d, "*", SearchOption.AllDirectories))
            .Concat(withTree ? [RepositoryPaths.Combine(".gitignore"), RepositoryPaths.Combine(".homeops.yaml")] : []);
        foreach (var file in files)
        {
            temp.Write(Path.GetRelativePath(RepositoryPaths.Root, file), File.ReadAllText(file));
        }

        if (withSecrets)
        {
            temp.Write("talos/secrets.yaml", TestSecrets.Yaml);
        }

        return temp;
    }

    private static async Task<CliRunner.Result> Run(string directory, FakeOpProcess? op, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var context = new CliContext(output, error, directory, PhysicalFileSystem.Instance, new FakeTimeProvider(Now))
        {
            Random = new SeededRandomSource("cli-tests"),
            Commands = op ?? (HomeOps.Runtime.Processes.ICommandRunner)HomeOps.Runtime.Processes.ProcessCommandRunner.Instance,
            OnePasswordProgram = FakeOpProcess.Program,
        };
        var code = await HomeOpsCli.RunAsync(args, context, TestContext.Current.CancellationToken);
        return new CliRunner.Result(code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Render_WritesEveryNodeAndTalosconfigWithMode0600()
    {
        using var repo = Repository(withSecrets: true);
        var result = await Run(repo.Path, null, "talos", "render");
        result.ExitCode.ShouldBe(0, result.Out + result.Error);
        var folder = Path.Combine(repo.Path, "talos", "generated");
        Directory.GetFiles(folder).Select(Path.GetFileName).Order().ShouldBe(["home-ops-mini01.yaml", "home-ops-mini02.yaml", "home-ops-mini03.yaml", "talosconfig"]);
        if (!OperatingSystem.IsWindows())
        {
            foreach (var file in Directory.GetFiles(folder))
            {
                File.GetUnixFileMode(file).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite, file);
            }
        }

        File.ReadAllText(Path.Combine(folder, "home-ops-mini01.yaml")).ShouldContain(TestSecrets.Bundle.ClusterSecret);
        result.Out.ShouldNotContain(TestSecrets.Bundle.ClusterSecret);
    }

    [Fact]
    public async Task Diff_NoChangesThenChanges_ExitsZeroThenTwo()
    {
        using var repo = Repository(withSecrets: true);
        (await Run(repo.Path, null, "talos", "render")).ExitCode.ShouldBe(0);
        var same = await Run(repo.Path, null, "talos", "diff");
        same.ExitCode.ShouldBe(0, same.Out + same.Error);
        same.Out.ShouldContain("no changes");
        repo.Write("talos/patches/nodes/mini02/swap.yaml", "machine:\n  sysctls:\n    vm.swappiness: \"1\"\n");
        var changed = await Run(repo.Path, null, "talos", "diff");
        changed.ExitCode.ShouldBe(2, changed.Out + changed.Error);
        changed.Out.ShouldBe("home-ops-mini02.yaml\n  + machine.sysctls[\"vm.swappiness\"]: \"1\"\ntalos diff: 1 file(s) would change (1 value(s)); run 'homeops talos render' to write them\n");
    }

    [Fact]
    public async Task Validate_FreshCloneWithoutSecrets_Passes()
    {
        using var repo = Repository(withSecrets: false);
        var result = await Run(repo.Path, null, "talos", "validate");
        result.ExitCode.ShouldBe(0, result.Out + result.Error);
        result.Out.ShouldContain("3 node(s), 12 document(s), 9 patch file(s) (structure only, without secrets): 0 error(s), 0 warning(s)");
    }

    [Fact]
    public async Task Validate_BrokenPatch_PointsAtItsLine()
    {
        using var repo = Repository(withSecrets: false);
        repo.Write("talos/patches/controlplane/typo.yaml", "cluster:\n  apiServer:\n    extraArgz:\n      foo: bar\n");
        var result = await Run(repo.Path, null, "talos", "validate");
        result.ExitCode.ShouldBe(1);
        result.Out.ShouldContain("talos/patches/controlplane/typo.yaml:3:5: error HO2201: 'cluster.apiServer.extraArgz' is not a field of the Talos v1.10 config");
        result.Out.ShouldContain("Did you mean 'extraArgs'?");
    }

    [Fact]
    public async Task Validate_StaleLonghornPatch_IsAnError()
    {
        using var repo = Repository(withSecrets: false);
        // cluster.yaml names another data-disk volume; talos/patches/all/longhorn.yaml still points at the old one.
        var clusterFile = Path.Combine(repo.Path, "cluster.yaml");
        File.WriteAllText(clusterFile, File.ReadAllText(clusterFile).Replace("volumeName: longhorn-ssd", "volumeName: longhorn-t5", StringComparison.Ordinal));
        var result = await Run(repo.Path, null, "talos", "validate");
        result.ExitCode.ShouldBe(1, result.Out + result.Error);
        result.Out.ShouldContain("talos/patches/all/longhorn.yaml:1:1: error HO3801: talos/patches/all/longhorn.yaml no longer matches cluster.yaml");
    }

    [Fact]
    public async Task Render_StaleLonghornPatch_WritesNothing()
    {
        using var repo = Repository(withSecrets: true);
        repo.Write("talos/patches/all/longhorn.yaml", File.ReadAllText(Path.Combine(repo.Path, "talos/patches/all/longhorn.yaml")).Replace("- rw", "- ro", StringComparison.Ordinal));
        var result = await Run(repo.Path, null, "talos", "render");
        result.ExitCode.ShouldBe(1, result.Out + result.Error);
        result.Out.ShouldContain("error HO3801");
        Directory.Exists(Path.Combine(repo.Path, "talos", "generated")).ShouldBeFalse();
    }

    [Fact]
    public async Task Validate_PatchTalosWouldRefuse_ReportsTalosRuleAtItsLine()
    {
        using var repo = Repository(withSecrets: false);
        repo.Write("talos/patches/all/kubelet-port.yaml", "machine:\n  kubelet:\n    extraConfig:\n      port: 10251\n");
        var result = await Run(repo.Path, null, "talos", "validate");
        result.ExitCode.ShouldBe(1);
        result.Out.ShouldContain("talos/patches/all/kubelet-port.yaml:4:7: error HO2231: machine.kubelet.extraConfig sets 'port', which Talos does not let a config override");
    }

    [Fact]
    public async Task Render_WithoutBundle_SaysHowToGetOne()
    {
        using var repo = Repository(withSecrets: false);
        var result = await Run(repo.Path, null, "talos", "render");
        result.ExitCode.ShouldBe(1);
        result.Out.ShouldContain("error HO2001: No Talos secrets bundle at talos/secrets.yaml");
        Directory.Exists(Path.Combine(repo.Path, "talos", "generated")).ShouldBeFalse();
    }

    [Fact]
    public async Task SecretsGenerate_WritesOnceAndRefusesToOverwrite()
    {
        using var repo = Repository(withSecrets: false);
        var first = await Run(repo.Path, null, "talos", "secrets", "generate");
        first.ExitCode.ShouldBe(0, first.Out + first.Error);
        var path = Path.Combine(repo.Path, "talos", "secrets.yaml");
        var written = File.ReadAllText(path);
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(path).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        var second = await Run(repo.Path, null, "talos", "secrets", "generate");
        second.ExitCode.ShouldBe(1);
        second.Out.ShouldContain("HO2009");
        File.ReadAllText(path).ShouldBe(written);
        (first.Out + second.Out).ShouldNotContain(written.Split('\n')[1].Trim()[4..]);
    }

    [Fact]
    public async Task SecretsImportStore_ThenRenderFromOnePassword_UsesTheItem()
    {
        using var repo = Repository(withSecrets: false);
        using var op = new FakeOpProcess("Automation");
        var bundle = repo.Write("talsecret.yaml", TestSecrets.Yaml.Replace("    ", "  ", StringComparison.Ordinal));
        var stored = await Run(repo.Path, op, "talos", "secrets", "import", bundle, "--store");
        stored.ExitCode.ShouldBe(0, stored.Out + stored.Error);
        op.Vaults.Items("Automation").ShouldHaveSingleItem().Title.ShouldBe("Talos Secrets - home-ops");
        var again = await Run(repo.Path, op, "talos", "secrets", "import", bundle, "--store");
        again.ExitCode.ShouldBe(1);
        again.Out.ShouldContain("HO2009");

        var render = await Run(repo.Path, op, "talos", "render", "--from", "op");
        render.ExitCode.ShouldBe(0, render.Out + render.Error);
        File.ReadAllText(Path.Combine(repo.Path, "talos", "generated", "home-ops-mini01.yaml")).ShouldContain(TestSecrets.Bundle.TrustdToken);
        op.Calls.ShouldAllBe(c => !string.Join(' ', c).Contains(TestSecrets.Bundle.ClusterSecret));
    }

    [Fact]
    public async Task RenderFromOnePassword_MissingItem_IsADiagnostic()
    {
        using var repo = Repository(withSecrets: false);
        using var op = new FakeOpProcess("Automation");
        var result = await Run(repo.Path, op, "talos", "render", "--from", "op");
        result.ExitCode.ShouldBe(1);
        result.Out.ShouldContain("error HO2010: 1Password has no item 'Talos Secrets - home-ops' in vault 'Automation'");
    }

    [Fact]
    public async Task Commands_Reset_WipesOnlyStateAndEphemeral()
    {
        using var repo = Repository(withSecrets: false);
        var result = await Run(repo.Path, null, "talos", "commands");
        result.ExitCode.ShouldBe(0);
        result.Out.ShouldContain("talosctl reset --nodes 172.29.51.11 --system-labels-to-wipe STATE --system-labels-to-wipe EPHEMERAL --graceful=true --reboot");
        result.Out.ShouldStartWith("export TALOSCONFIG=talos/generated/talosconfig\n");
    }

    [Fact]
    public async Task Schematic_PrintsIdAndUrls()
    {
        using var repo = Repository(withSecrets: false);
        var result = await Run(repo.Path, null, "talos", "schematic");
        result.ExitCode.ShouldBe(0);
        result.Out.ShouldContain("# id:        046889043a3a6b4df4d2b999d8cf2b9ac013aae7cbda98f8b53b99ac226cf0f3");
        result.Out.ShouldContain("# installer: factory.talos.dev/metal-installer/046889043a3a6b4df4d2b999d8cf2b9ac013aae7cbda98f8b53b99ac226cf0f3:v1.10.5");
    }

    [Fact]
    public async Task Check_FreshClone_IncludesTalosValidation()
    {
        using var repo = Repository(withSecrets: false, withTree: true);
        // --offline: no chart downloads, so the result does not depend on the network.
        var result = await Run(repo.Path, null, "check", "--offline");
        result.ExitCode.ShouldBe(0, result.Out + result.Error);
        result.Out.ShouldContain("ok    GitOps tree: ");
        result.Out.ShouldContain("ok    talos: 3 node config(s) from cluster.yaml + 9 patch file(s), checked against the Talos v1.10 schema");
        result.Out.ShouldContain("secrets not needed (structure only)");
    }
}
