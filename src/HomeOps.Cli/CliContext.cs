using HomeOps.Core.Crypto;
using HomeOps.Runtime.Crypto;
using HomeOps.Runtime.Files;
using HomeOps.Runtime.Processes;

namespace HomeOps.Cli;

/// <summary>
/// Everything a command touches outside its arguments, so tests can run the CLI in-process. This is the one
/// composition root: commands take the file system and the program runners from here, never from a static
/// (BannedSymbols of HomeOps.Cli and HomeOps.Operations refuse ProcessCommandRunner and PhysicalFileSystem elsewhere).
/// </summary>
public sealed record CliContext(TextWriter Out, TextWriter Error, string WorkingDirectory, IFileSystem Files, TimeProvider Time)
{
#pragma warning disable RS0030 // The composition root is where the real runner is chosen.
    /// <summary>Runs the programs that reach the nodes, the cluster and 1Password: talosctl, op, helm install (tests point it at fakes).</summary>
    public ICommandRunner Commands { get; init; } = ProcessCommandRunner.Instance;

    /// <summary>Runs the local tools of the offline checks: kubectl kustomize, helm template, git and dot.</summary>
    public ICommandRunner Tools { get; init; } = ProcessCommandRunner.Instance;
#pragma warning restore RS0030

    /// <summary>The 1Password CLI program: "op" on PATH, or a path (tests use the fake op).</summary>
    public string OnePasswordProgram { get; init; } = "op";

    /// <summary>Where new keys and tokens come from (tests use a seeded source).</summary>
    public IRandomSource Random { get; init; } = SystemRandomSource.Instance;

    /// <summary>Rewrites Kubernetes API addresses before connecting; tests send them to a fake API server.</summary>
    public Func<Uri, Uri>? KubeRewrite { get; init; }

    /// <summary>Extra roots the HTTPS probe of `homeops doctor` trusts (tests: a local CA); null trusts the system's.</summary>
    public System.Security.Cryptography.X509Certificates.X509Certificate2Collection? TrustedRoots { get; init; }

    /// <summary>Reads an environment variable (KUBECONFIG, TALOSCONFIG, HOME); tests pass their own.</summary>
    public Func<string, string?> Environment { get; init; } = System.Environment.GetEnvironmentVariable;

    /// <summary>The terminal for prompts (homeops init), or null when input or output is redirected (tests use Spectre's test console).</summary>
    public Spectre.Console.IAnsiConsole? Terminal { get; init; }

    /// <summary>Where typed confirmations are read from (the terminal).</summary>
    public TextReader In { get; init; } = TextReader.Null;

#pragma warning disable RS0030 // The composition root is where the real disk is chosen.
    public static CliContext FromProcess() =>
        new(Console.Out, Console.Error, System.Environment.CurrentDirectory, PhysicalFileSystem.Instance, TimeProvider.System)
        {
            In = Console.In,
            Terminal = Console.IsInputRedirected || Console.IsOutputRedirected ? null : Spectre.Console.AnsiConsole.Console,
        };
#pragma warning restore RS0030
}
