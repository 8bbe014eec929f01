using HomeOps.Core.Diagnostics;
using HomeOps.Operations.GitOps;
using HomeOps.Runtime.Files;
using HomeOps.Runtime.Processes;

namespace HomeOps.Operations.Tests.GitOps;

/// <summary>Runs `homeops validate` in-process on a folder, with the shared CRDs as schemas and a private cache.</summary>
internal static class Validation
{
    /// <summary>One cache for every test: entries are content-addressed, so fixtures share the builds they have in common.</summary>
    public static readonly string SharedCache = Path.Combine(Path.GetTempPath(), "homeops-test-cache");

    /// <param name="resultCache">Whether a whole result is kept and reused (validate and check from the CLI do).</param>
    /// <param name="schemaFolder">The schema folder (default: the repository's upstream CRDs).</param>
    public static async Task<ValidateResult> RunAsync(
        string root, string? entry = null, string? kubernetesVersion = null, bool offline = true, string? cache = null, bool useCache = true, string? chartMirror = null,
        bool resultCache = false, string? schemaFolder = null, PhaseTimings? timings = null)
    {
        var workspace = Workspace.Locate(PhysicalFileSystem.Instance, root, clusterFile: null);
        var options = new ValidateOptions
        {
            EntryPath = entry,
            KubernetesVersion = kubernetesVersion,
            SchemaDirectories = [schemaFolder ?? FixtureTree.SchemaFolder],
            Offline = offline,
            CacheDirectory = cache ?? SharedCache,
            UseCache = useCache,
            ChartMirror = chartMirror,
            ResultCache = resultCache,
        };
        return await new ValidateService(ProcessCommandRunner.Instance, TimeProvider.System) { Timings = timings }.RunAsync(workspace, options, TestContext.Current.CancellationToken);
    }

    /// <summary>"CODE path:line:col" for every warning and error, plus info diagnostics whose code the caller expects.</summary>
    public static List<string> Lines(ValidateResult result, IEnumerable<string> expected)
    {
        var expectedCodes = expected.Select(e => e[..6]).ToHashSet(StringComparer.Ordinal);
        return [.. result.Diagnostics
            .Where(d => d.Severity >= DiagnosticSeverity.Warning || expectedCodes.Contains(d.Code))
            .Select(d => $"{d.Code} {d.Location.Path}:{d.Location.Line}:{d.Location.Column}")
            .Order(StringComparer.Ordinal)];
    }

    /// <summary>Every diagnostic, whole (code, place, severity, message and hint): for comparing two runs.</summary>
    public static List<string> Everything(ValidateResult result) =>
        [.. result.Diagnostics.Select(d => $"{d.Code} {d.Location.Path}:{d.Location.Line}:{d.Location.Column} {d.Severity} {d.Message} {d.Hint}")];
}
