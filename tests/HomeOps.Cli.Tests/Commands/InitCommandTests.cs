using HomeOps.Cli;
using HomeOps.Runtime.Files;
using HomeOps.Testing;
using Spectre.Console.Testing;

namespace HomeOps.Cli.Tests.Commands;

/// <summary>`homeops init` end to end: a fork of this repository without cluster.yaml, a network unlike the bundled one.</summary>
public sealed class InitCommandTests
{
    private const string TunnelId = "0f1e2d3c-4b5a-4978-8a9b-0c1d2e3f4a5b";

    private static TempDirectory Fork()
    {
        var temp = new TempDirectory();
        string[] folders = ["talos/patches", "clusters", "infrastructure", "apps", "charts", "schemas"];
        var files = folders.Select(f => RepositoryPaths.Combine(f)).Where(Directory.Exists)
            .SelectMany(d => Directory.EnumerateFiles(d, "*", SearchOption.AllDirectories))
            .Concat([RepositoryPaths.Combine(".gitignore"), RepositoryPaths.Combine(".homeops.yaml")]);
        foreach (var file in files)
        {
            temp.Write(Path.GetRelativePath(RepositoryPaths.Root, file), File.ReadAllText(file));
        }

        return temp;
    }

    private static async Task<CliRunner.Result> Run(string directory, TestConsole? terminal, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var context = new CliContext(output, error, directory, PhysicalFileSystem.Instance, TimeProvider.System)
        {
            Random = new SeededRandomSource("init-test"),
            Terminal = terminal,
        };
        var code = await HomeOpsCli.RunAsync(args, context, TestContext.Current.CancellationToken);
        return new CliRunner.Result(code, output.ToString(), error.ToString());
    }

    private static string[] Mirror() => RepositoryPaths.ChartMirror is { } mirror ? ["--chart-mirror", mirror] : [];

    private static readonly string[] s_fiveNodes =
    [
        "init", "--no-input", "--name", "lab", "--domain", "example.org", "--repository", "https://github.com/example/lab",
        "--node-network", "10.20.0.0/24", "--tunnel-id", TunnelId, "--install-disk", "type=nvme",
        "--node", "n1=10.20.0.21", "--node", "n2=10.20.0.22", "--node", "n3=10.20.0.23", "--node", "n4=10.20.0.24", "--node", "n5=10.20.0.25",
    ];

    [Fact]
    public async Task Init_FlagsForAnotherNetwork_WritesRendersAndCheckPassesThere()
    {
        using var fork = Fork();
        var init = await Run(fork.Path, null, [.. s_fiveNodes, "--offline", .. Mirror()]);
        init.ExitCode.ShouldBe(0, init.Out + init.Error);
        init.Out.ShouldContain("init: wrote cluster.yaml");
        init.Out.ShouldContain("Next steps:");
        var text = File.ReadAllText(Path.Combine(fork.Path, "cluster.yaml"));
        text.ShouldContain("nodeNetwork: 10.20.0.0/24");
        text.ShouldContain("range: 10.20.1.100-10.20.1.199");
        text.ShouldNotContain("vlan:");
        text.ShouldNotContain("172.29.");
        File.ReadAllText(Path.Combine(fork.Path, "infrastructure/cilium-config/bgp.yaml")).ShouldContain("10.20.0.1");

        var check = await Run(fork.Path, null, ["check", "--offline", .. Mirror()]);
        check.ExitCode.ShouldBe(0, check.Out + check.Error);
        check.Out.ShouldContain("cluster.yaml: 5 node(s)");
        check.Out.ShouldContain("check: 4 check(s), 0 error(s)");
    }

    [Fact]
    public async Task Init_ExistingClusterYaml_IsNotReplacedWithoutForce()
    {
        using var fork = Fork();
        var existing = fork.Write("cluster.yaml", "# mine\n");
        var refused = await Run(fork.Path, null, [.. s_fiveNodes, "--offline"]);
        refused.ExitCode.ShouldBe(1, refused.Out);
        refused.Out.ShouldContain("HO0121");
        refused.Out.ShouldContain("--force");
        File.ReadAllText(existing).ShouldBe("# mine\n");
        Directory.EnumerateFiles(fork.Path).Select(Path.GetFileName).ShouldNotContain(f => f!.StartsWith("cluster.yaml", StringComparison.Ordinal) && f != "cluster.yaml");

        var forced = await Run(fork.Path, null, [.. s_fiveNodes, "--offline", "--force"]);
        forced.Out.ShouldContain("init: wrote cluster.yaml");
        File.ReadAllText(existing).ShouldContain("name: lab");
    }

    [Fact]
    public async Task Init_ImpossibleInput_RefusedWithConfigValidatesDiagnostics_AndNothingWritten()
    {
        using var fork = Fork();
        var args = s_fiveNodes.Select(a => a == "n5=10.20.0.25" ? "n5=10.20.0.1" : a).ToArray();
        var result = await Run(fork.Path, null, [.. args, "--offline"]);
        result.ExitCode.ShouldBe(1, result.Out);
        result.Out.ShouldContain("HO1105");
        result.Out.ShouldContain("not written");
        File.Exists(Path.Combine(fork.Path, "cluster.yaml")).ShouldBeFalse();
    }

    [Fact]
    public async Task Init_AnswersFile_MissingAnswer_NamesTheFlag_UnknownKey_SuggestsTheRightOne()
    {
        using var fork = Fork();
        var answers = fork.Write("answers.yaml", "clusterName: lab\ndomian: example.org\n");
        var result = await Run(fork.Path, null, "init", "--no-input", "--answers", answers);
        result.ExitCode.ShouldBe(1, result.Out);
        result.Out.ShouldContain("answers.yaml:2:1");
        result.Out.ShouldContain("Did you mean 'domain'?");

        fork.Write("answers.yaml", "clusterName: lab\ndomain: example.org\n");
        var missing = await Run(fork.Path, null, "init", "--no-input", "--answers", answers);
        missing.Out.ShouldContain("HO0122");
        missing.Out.ShouldContain("--node-network");
        File.Exists(Path.Combine(fork.Path, "cluster.yaml")).ShouldBeFalse();
    }

    [Fact]
    public async Task Init_Prompts_AskWhatIsMissing_RefuseBadAnswers_AndWrite()
    {
        using var fork = Fork();
        var terminal = new TestConsole().Interactive();
        string[] typed =
        [
            "",                                  // cluster name: default home-ops
            "example.org",                       // domain
            "https://github.com/example/lab",    // repository
            "10.20.0.7/24",                      // node network: not the network address, asked again
            "10.20.0.0/24",
            "",                                  // VLAN: none
            "",                                  // router: 10.20.0.1
            "",                                  // router ASN: 64513
            "",                                  // install disk: APPLE*
            "1",                                 // one node
            "Node_1",                            // not a DNS label, asked again
            "",                                  // node01
            "10.30.0.5",                         // outside the network, asked again
            "",                                  // 10.20.0.11
            TunnelId,
        ];
        foreach (var line in typed)
        {
            terminal.Input.PushTextWithEnter(line);
        }

        var result = await Run(fork.Path, terminal, "init", "--offline");
        result.ExitCode.ShouldBe(0, result.Out + terminal.Output);
        terminal.Output.ShouldContain("did you mean 10.20.0.0/24?");
        terminal.Output.ShouldContain("is not a valid DNS-1123 label");
        terminal.Output.ShouldContain("10.30.0.5 is not in the node network 10.20.0.0/24");
        var text = File.ReadAllText(Path.Combine(fork.Path, "cluster.yaml"));
        text.ShouldContain("name: home-ops");
        text.ShouldContain("address: 10.20.0.11");
        text.ShouldContain("role: controlplane");
    }
}
