using HomeOps.Runtime.Processes;

namespace HomeOps.Runtime.Tools;

/// <summary>
/// helm 3, the one facade every caller goes through (validate's renderer, the bootstrap's chart and CRD steps,
/// preflight, the tests' chart repositories). Building a command line is pure and static, so it is unit-tested
/// without helm; an instance runs the commands through an <see cref="ICommandRunner"/>.
/// </summary>
public sealed class Helm(ICommandRunner runner, string? pathVariable = null)
{
    public const string Program = "helm";

    /// <summary>Whether helm can be found (PATH, mise shims, the repository's .tools/bin).</summary>
    public bool Available => ToolLocator.Find(Program, pathVariable) is not null;

    public static CommandSpec Version() => new(Program, ["version", "--short"]) { Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>The deployed release as JSON; exit 1 with "release: not found" when there is none.</summary>
    public static CommandSpec Status(string release, string ns, string kubeconfig) =>
        new(Program, ["status", release, "--namespace", ns, "--kubeconfig", kubeconfig, "--output", "json"]) { Timeout = TimeSpan.FromMinutes(1) };

    /// <summary>The release's revisions as JSON (revision, status, chart, description); exit 1 with "release: not found" when there is none.</summary>
    public static CommandSpec History(string release, string ns, string kubeconfig) =>
        new(Program, ["history", release, "--namespace", ns, "--kubeconfig", kubeconfig, "--max", "20", "--output", "json"]) { Timeout = TimeSpan.FromMinutes(1) };

    /// <summary>Rolls a release back to <paramref name="revision"/> (a new revision with that revision's chart and values).</summary>
    public static CommandSpec Rollback(string release, int revision, string ns, string kubeconfig, TimeSpan timeout) =>
        new(Program, ["rollback", release, revision.ToString(System.Globalization.CultureInfo.InvariantCulture), "--namespace", ns, "--kubeconfig", kubeconfig, "--wait", "--timeout", $"{(int)timeout.TotalSeconds}s"])
        { Timeout = timeout + TimeSpan.FromMinutes(1) };

    /// <summary>Removes a release and its history, so the next install starts from nothing.</summary>
    public static CommandSpec Uninstall(string release, string ns, string kubeconfig, TimeSpan timeout) =>
        new(Program, ["uninstall", release, "--namespace", ns, "--kubeconfig", kubeconfig, "--wait", "--timeout", $"{(int)timeout.TotalSeconds}s"])
        { Timeout = timeout + TimeSpan.FromMinutes(1) };

    /// <summary>Installs or upgrades a release; values go in on standard input (--values -), so they never touch the disk.</summary>
    /// <param name="chart">A chart name (with <paramref name="repository"/>) or an oci:// reference (repository null).</param>
    public static CommandSpec UpgradeInstall(string release, string chart, string? repository, string version, string ns, string kubeconfig, string valuesYaml, TimeSpan timeout) =>
        new(Program,
        [
            "upgrade", "--install", release, chart,
            .. Source(repository, version),
            "--namespace", ns,
            "--create-namespace",
            "--kubeconfig", kubeconfig,
            "--values", "-",
            "--wait",
            "--timeout", $"{(int)timeout.TotalSeconds}s",
        ]) { StandardInput = valuesYaml, Timeout = timeout + TimeSpan.FromMinutes(1) };

    /// <summary><c>helm template</c>: renders a chart without a cluster (see <see cref="HelmTemplateRequest"/>).</summary>
    public static CommandSpec Template(HelmTemplateRequest request)
    {
        List<string> args = ["template", request.Release, request.Chart, .. Source(request.Repository, request.Version), "--namespace", request.Namespace];
        if (request.KubeVersion is not null)
        {
            args.AddRange(["--kube-version", request.KubeVersion]);
        }

        if (request.IncludeCrds)
        {
            args.Add("--include-crds");
        }

        foreach (var file in request.ValuesFiles)
        {
            args.AddRange(["--values", file]);
        }

        if (request.ValuesYaml is not null)
        {
            args.AddRange(["--values", "-"]);
        }

        foreach (var set in request.Sets)
        {
            args.AddRange(["--set", set]);
        }

        if (request.SkipTests)
        {
            args.Add("--skip-tests");
        }

        return new CommandSpec(Program, args) { StandardInput = request.ValuesYaml, Timeout = TimeSpan.FromMinutes(5) };
    }

    /// <summary>Downloads a chart archive (.tgz) into <paramref name="destination"/>.</summary>
    /// <param name="chart">A chart name (with <paramref name="repository"/>) or an oci:// reference (repository null).</param>
    public static CommandSpec Pull(string chart, string? repository, string? version, string destination) =>
        new(Program, ["pull", chart, .. Source(repository, version), "--destination", destination]) { Timeout = TimeSpan.FromMinutes(2) };

    /// <summary>Packages a chart folder into NAME-VERSION.tgz in <paramref name="destination"/>.</summary>
    public static CommandSpec Package(string chartFolder, string destination) =>
        new(Program, ["package", chartFolder, "--destination", destination]) { Timeout = TimeSpan.FromMinutes(1) };

    /// <summary>Writes index.yaml for the archives of a folder (a chart repository), with absolute URLs when <paramref name="url"/> is set.</summary>
    public static CommandSpec RepoIndex(string folder, string? url) =>
        new(Program, ["repo", "index", folder, .. url is null ? Array.Empty<string>() : ["--url", url]]) { Timeout = TimeSpan.FromMinutes(1) };

    public Task<CommandResult> RunAsync(CommandSpec spec, CancellationToken cancellationToken) => runner.RunAsync(spec, cancellationToken);

    public Task<CommandResult> TemplateAsync(HelmTemplateRequest request, CancellationToken cancellationToken) => RunAsync(Template(request), cancellationToken);

    public Task<CommandResult> PullAsync(string chart, string? repository, string? version, string destination, CancellationToken cancellationToken) =>
        RunAsync(Pull(chart, repository, version, destination), cancellationToken);

    private static string[] Source(string? repository, string? version) =>
        [.. repository is null ? Array.Empty<string>() : ["--repo", repository], .. version is null ? Array.Empty<string>() : ["--version", version]];
}
