using HomeOps.Core.ClusterConfig;
using HomeOps.Core.Diagnostics;
using HomeOps.Core.GitOps.Rules;
using HomeOps.Core.Schema;
using HomeOps.Core.Yaml;

namespace HomeOps.Operations.GitOps;

/// <summary>
/// The work of a validate run that <see cref="ValidateService.Start"/> begins early, so that it runs beside the git
/// processes a run waits for rather than after them.
/// </summary>
public sealed class ValidateHeadStart
{
    internal ValidateHeadStart(Task<IReadOnlyList<string>> trackedFiles, Task<TreeSettings> settings, Task<SchemaVerdicts>? verdicts, Task<YamlParseCache>? parsed)
    {
        TrackedFiles = trackedFiles;
        Settings = settings;
        Verdicts = verdicts;
        Parsed = parsed;
    }

    /// <summary>The repository's files (<see cref="ValidateService.TrackedFilesAsync"/>).</summary>
    public Task<IReadOnlyList<string>> TrackedFiles { get; }

    internal Task<TreeSettings> Settings { get; }

    /// <summary>The schema verdicts of the last run (null without the cache).</summary>
    internal Task<SchemaVerdicts>? Verdicts { get; }

    /// <summary>The YAML parsed by the last run (null without the cache).</summary>
    internal Task<YamlParseCache>? Parsed { get; }
}

/// <summary>
/// What a run reads before it builds: cluster.yaml, .homeops.yaml, the entry folder, the Kubernetes version and its
/// built-in schemas, with what reading them found, and the source tree it read (the build reads on from it).
/// </summary>
internal sealed record TreeSettings(
    ClusterDefinition? Cluster,
    ValidateSettings Settings,
    string Entry,
    string? KubernetesVersion,
    BuiltinSchemas Builtin,
    List<Diagnostic> Diagnostics,
    DiskSourceTree Source);
