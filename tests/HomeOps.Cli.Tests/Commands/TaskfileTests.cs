using System.Text.RegularExpressions;
using HomeOps.Cli;
using HomeOps.Core.Diagnostics;
using HomeOps.Core.Yaml;
using HomeOps.Runtime.Files;
using HomeOps.Testing;

namespace HomeOps.Cli.Tests.Commands;

/// <summary>
/// Taskfile.yml keeps the seed's task names, and every task works: each homeops command it calls exists (its --help
/// exits 0; a bootstrap step it names runs as a dry run), each pre-commit hook it runs is configured, and a task for
/// something not built yet says which issue brings it and fails instead of pretending.
/// </summary>
public sealed partial class TaskfileTests
{
    /// <summary>The seed's task names (issue 22, item 4).</summary>
    private static readonly string[] s_seedTasks =
    [
        "bootstrap:phased", "cluster:safe-reset", "cluster:emergency-recovery", "talos:apply-config", "talos:bootstrap", "talos:reboot",
        "apps:deploy-cilium", "bootstrap:1password-secrets", "flux:bootstrap", "cluster:status", "bgp:verify-peering", "network:check-ipv6",
        "storage:check-longhorn", "storage:validate-usb-ssd", "pre-commit:setup", "pre-commit:install", "pre-commit:run", "pre-commit:format",
        "pre-commit:security", "pre-commit:update", "pre-commit:clean",
    ];

    /// <summary>Programs a task may call besides homeops and the repository's scripts: the hook framework and the tool installers.</summary>
    private static readonly HashSet<string> s_otherPrograms = new(StringComparer.Ordinal) { "pre-commit", "mise", "npm", "echo", "exit" };

    private sealed record TaskEntry(string Name, string Description, IReadOnlyList<string> Commands);

    private static List<TaskEntry> Tasks()
    {
        var diagnostics = new DiagnosticBag();
        var root = YamlReader.ReadSingle(File.ReadAllText(RepositoryPaths.Combine("Taskfile.yml")), "Taskfile.yml", diagnostics) as YamlMapping;
        diagnostics.HasErrors.ShouldBeFalse(string.Join("\n", diagnostics.Sorted()));
        var tasks = root!["tasks"].ShouldBeOfType<YamlMapping>();
        return [.. tasks.Entries.Select(e =>
        {
            var task = e.Value.ShouldBeOfType<YamlMapping>();
            var commands = task["cmd"] is YamlScalar one ? [one.Value] : task["cmds"].ShouldBeOfType<YamlSequence>().Items.Select(i => i.ShouldBeOfType<YamlScalar>().Value).ToList();
            return new TaskEntry(e.Key.Value, (task["desc"] as YamlScalar)?.Value ?? string.Empty, commands);
        })];
    }

    [Fact]
    public void Taskfile_HasEverySeedTaskName()
    {
        var names = Tasks().Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        s_seedTasks.Where(t => !names.Contains(t)).ShouldBeEmpty();
    }

    [Fact]
    public void Taskfile_ATaskForSomethingNotBuiltYet_NamesItsIssueAndFails()
    {
        foreach (var task in Tasks().Where(t => t.Commands.Any(c => c.StartsWith("exit ", StringComparison.Ordinal))))
        {
            task.Description.ShouldStartWith("Not yet: issue ", customMessage: task.Name);
            task.Commands.ShouldContain("exit 1", task.Name);
            task.Commands.ShouldNotContain(c => c.StartsWith("./homeops", StringComparison.Ordinal), task.Name);
        }
    }

    [Fact]
    public void Taskfile_EveryProgramATaskCalls_IsHomeopsOrAKnownTool_AndEveryHookItRunsIsConfigured()
    {
        var hooks = HookIds();
        foreach (var task in Tasks())
        {
            task.Commands.ShouldNotBeEmpty(task.Name);
            foreach (var command in task.Commands)
            {
                var words = command.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                var script = words[0].StartsWith("scripts/", StringComparison.Ordinal) && File.Exists(RepositoryPaths.Combine(words[0]));
                (words[0] == "./homeops" || s_otherPrograms.Contains(words[0]) || script)
                    .ShouldBeTrue($"{task.Name}: '{command}' calls neither ./homeops, a known tool nor a script of the repository");
                if (words is ["pre-commit", "run", var hook, ..] && !hook.StartsWith('-'))
                {
                    hooks.ShouldContain(hook, $"{task.Name}: hook '{hook}' is not in .pre-commit-config.yaml");
                }
            }
        }
    }

    public static TheoryData<string, string> HomeopsCommands()
    {
        var data = new TheoryData<string, string>();
        foreach (var task in Tasks())
        {
            foreach (var command in task.Commands.Where(c => c.StartsWith("./homeops ", StringComparison.Ordinal)))
            {
                data.Add(task.Name, command);
            }
        }

        return data;
    }

    /// <summary>The command exists (--help exits 0); a bootstrap step it names (--only, --from) is planned in a dry run.</summary>
    [Theory]
    [MemberData(nameof(HomeopsCommands))]
    public async Task Taskfile_HomeopsCommand_Exists(string task, string command)
    {
        var words = TemplateArguments().Replace(command, string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..];
        var subcommand = words.TakeWhile(w => !w.StartsWith('-')).ToArray();
        var help = await CliRunner.RunAsync(RepositoryPaths.Root, [.. subcommand, "--help"]);
        help.ExitCode.ShouldBe(0, $"{task}: homeops {string.Join(' ', subcommand)} --help\n{help.Out}{help.Error}");
        help.Out.ShouldContain("Usage:", customMessage: task);
        help.Error.ShouldBeEmpty(task);

        // The whole command line parses: every option the task passes exists (talos upgrade also needs its --image).
        using var sink = new StringWriter();
        var cli = HomeOpsCli.Build(new CliContext(sink, sink, RepositoryPaths.Root, PhysicalFileSystem.Instance, TimeProvider.System));
        string[] extra = words is ["talos", "upgrade", ..] ? ["--image", "factory.talos.dev/installer/x:v1.10.5"] : [];
        cli.Parse([.. words, .. extra]).Errors.ShouldBeEmpty($"{task}: {command}");

        if (words.Contains("--only") || words.Contains("--from"))
        {
            var dryRun = await CliRunner.RunAsync(RepositoryPaths.Root, [.. words, "--dry-run"]);
            dryRun.ExitCode.ShouldBe(0, $"{task}: homeops {string.Join(' ', words)} --dry-run\n{dryRun.Out}{dryRun.Error}");
            var step = words[Array.IndexOf(words, words.Contains("--only") ? "--only" : "--from") + 1];
            dryRun.Out.ShouldContain($". {step}: ", customMessage: task);
        }
    }

    private static HashSet<string> HookIds() =>
        [.. File.ReadAllLines(RepositoryPaths.Combine(".pre-commit-config.yaml"))
            .Select(l => l.Trim()).Where(l => l.StartsWith("- id: ", StringComparison.Ordinal)).Select(l => l["- id: ".Length..].Trim())];

    [GeneratedRegex(@"\{\{[^}]*\}\}")]
    private static partial Regex TemplateArguments();
}
