using HomeOps.Cli;
using HomeOps.Runtime.Files;
using HomeOps.Testing;

namespace HomeOps.Cli.Tests.Commands;

/// <summary>Taskfile.yml keeps the seed's task names, and every task is a homeops command line that parses.</summary>
public sealed class TaskfileTests
{
    private static readonly string[] s_seedNames =
    [
        "bootstrap:phased", "talos:apply-config", "talos:bootstrap", "talos:reboot", "apps:deploy-cilium",
        "bootstrap:1password-secrets", "flux:bootstrap", "cluster:safe-reset",
    ];

    private static Dictionary<string, string> Tasks()
    {
        var tasks = new Dictionary<string, string>(StringComparer.Ordinal);
        string? current = null;
        foreach (var line in File.ReadAllLines(RepositoryPaths.Combine("Taskfile.yml")))
        {
            if (line.StartsWith("  ", StringComparison.Ordinal) && !line.StartsWith("   ", StringComparison.Ordinal) && line.TrimEnd().EndsWith(':'))
            {
                current = line.Trim().TrimEnd(':');
            }
            else if (current is not null && line.Trim().StartsWith("cmd: ", StringComparison.Ordinal))
            {
                tasks[current] = line.Trim()["cmd: ".Length..];
            }
        }

        return tasks;
    }

    [Fact]
    public void Taskfile_HasTheSeedsTaskNames() => s_seedNames.Except(Tasks().Keys).ShouldBeEmpty();

    [Fact]
    public void Taskfile_EveryTaskIsOneHomeopsCommandThatParses()
    {
        using var context = new StringWriter();
        var cli = HomeOpsCli.Build(new CliContext(context, context, RepositoryPaths.Root, PhysicalFileSystem.Instance, TimeProvider.System));
        foreach (var (name, cmd) in Tasks())
        {
            cmd.ShouldStartWith("./homeops ", customMessage: name);
            var args = cmd["./homeops ".Length..].Replace("{{.CLI_ARGS}}", "", StringComparison.Ordinal).Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
            if (args is ["talos", "upgrade", ..])
            {
                args.AddRange(["--image", "factory.talos.dev/installer/x:v1.10.5"]);
            }

            cli.Parse(args).Errors.ShouldBeEmpty($"task {name}: {cmd}");
        }
    }
}
