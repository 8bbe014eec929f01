namespace HomeOps.Runtime.Tools;

/// <summary>
/// What <c>helm template</c> renders: a release of a chart, which is a chart folder or .tgz, an oci:// reference, or
/// a chart name in <see cref="Repository"/>. Values come from files, then from <see cref="ValuesYaml"/> (standard input).
/// </summary>
public sealed record HelmTemplateRequest(string Release, string Chart, string Namespace)
{
    /// <summary>The chart repository URL (--repo) when <see cref="Chart"/> is a chart name.</summary>
    public string? Repository { get; init; }

    public string? Version { get; init; }

    public IReadOnlyList<string> ValuesFiles { get; init; } = [];

    /// <summary>Values passed on standard input, after the files; never written to disk.</summary>
    public string? ValuesYaml { get; init; }

    /// <summary>--set NAME=VALUE items, applied after every values file (helm's own precedence).</summary>
    public IReadOnlyList<string> Sets { get; init; } = [];

    /// <summary>--kube-version: what Capabilities.KubeVersion reports to the templates.</summary>
    public string? KubeVersion { get; init; }

    public bool IncludeCrds { get; init; }

    /// <summary>Leaves out test hooks (helm.sh/hook: test), which helm-controller does not install either.</summary>
    public bool SkipTests { get; init; } = true;
}
