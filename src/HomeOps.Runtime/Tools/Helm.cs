using HomeOps.Runtime.Processes;

namespace HomeOps.Runtime.Tools;

/// <summary>helm 3 command lines. Values go in on standard input (-f -), so they never touch the disk.</summary>
public static class Helm
{
    public const string Program = "helm";

    public static CommandSpec Version() => new(Program, ["version", "--short"]) { Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>The deployed release as JSON; exit 1 with "release: not found" when there is none.</summary>
    public static CommandSpec Status(string release, string ns, string kubeconfig) =>
        new(Program, ["status", release, "--namespace", ns, "--kubeconfig", kubeconfig, "--output", "json"]) { Timeout = TimeSpan.FromMinutes(1) };

    /// <param name="chart">A chart name (with <paramref name="repository"/>) or an oci:// reference (repository null).</param>
    public static CommandSpec UpgradeInstall(string release, string chart, string? repository, string version, string ns, string kubeconfig, string valuesYaml, TimeSpan timeout) =>
        new(Program,
        [
            "upgrade", "--install", release, chart,
            .. repository is null ? Array.Empty<string>() : ["--repo", repository],
            "--version", version,
            "--namespace", ns,
            "--create-namespace",
            "--kubeconfig", kubeconfig,
            "--values", "-",
            "--wait",
            "--timeout", $"{(int)timeout.TotalSeconds}s",
        ]) { StandardInput = valuesYaml, Timeout = timeout + TimeSpan.FromMinutes(1) };

    /// <summary>Renders the chart (CRDs included) without a cluster, for the CRDs step.</summary>
    public static CommandSpec Template(string release, string chart, string? repository, string version, string ns, string valuesYaml) =>
        new(Program,
        [
            "template", release, chart,
            .. repository is null ? Array.Empty<string>() : ["--repo", repository],
            "--version", version,
            "--namespace", ns,
            "--include-crds",
            "--values", "-",
        ]) { StandardInput = valuesYaml, Timeout = TimeSpan.FromMinutes(5) };
}
