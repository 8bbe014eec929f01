using System.Collections.Concurrent;
using HomeOps.Operations.GitOps;
using HomeOps.Runtime.Files;
using HomeOps.Runtime.Processes;

namespace HomeOps.Operations.Tests.Bootstrap;

/// <summary>
/// The real programs, except that `helm pull` takes the chart from ../shared/reference/charts (a copy of the chart
/// repositories, with no network here), and that every `helm template` records the values files it was given
/// (by release name) before real helm renders them.
/// </summary>
internal sealed class ReferenceChartRunner(string charts) : ICommandRunner
{
    private readonly Lazy<ChartMirror?> _mirror = new(() => ChartMirror.Open(PhysicalFileSystem.Instance, charts, charts, []));

    public ConcurrentDictionary<string, string> TemplateValues { get; } = new(StringComparer.Ordinal);

    public async Task<CommandResult> RunAsync(CommandSpec spec, CancellationToken cancellationToken)
    {
        var args = spec.Arguments;
        if (spec.Program == "helm" && args is ["pull", var chart, ..])
        {
            var name = chart.Split('/')[^1];
            var version = Option(args, "--version");
            var repository = Option(args, "--repo") ?? (chart.StartsWith("oci://", StringComparison.Ordinal) ? chart[..chart.LastIndexOf('/')] : null);
            // One lookup of a chart by repository, name and exact version: the product's ChartMirror (the fake helm uses it too).
            var tgz = version is null ? null : _mirror.Value?.Find(repository, name, version);
            if (tgz is null)
            {
                return new CommandResult(spec, 1, string.Empty, $"Error: chart \"{name}\" version \"{version}\" not found in {Option(args, "--repo") ?? chart} repository\n", TimeSpan.Zero);
            }

            File.Copy(tgz, Path.Combine(Option(args, "--destination")!, Path.GetFileName(tgz)), overwrite: true);
            return new CommandResult(spec, 0, string.Empty, string.Empty, TimeSpan.Zero);
        }

        if (spec.Program == "helm" && args is ["template", var release, ..])
        {
            TemplateValues[release] = string.Concat(args.Select((a, i) => (a, i)).Where(x => x.a == "--values").Select(x => File.ReadAllText(args[x.i + 1])));
        }

        return await ProcessCommandRunner.Instance.RunAsync(spec, cancellationToken);
    }

    private static string? Option(IReadOnlyList<string> args, string name)
    {
        var at = args.ToList().IndexOf(name);
        return at >= 0 && at + 1 < args.Count ? args[at + 1] : null;
    }
}
