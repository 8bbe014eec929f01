namespace HomeOps.Cli.Commands;

/// <summary>Options several commands share, created fresh per command (System.CommandLine options are not shareable).</summary>
internal static class CommonOptions
{
    public static Option<OutputFormat> Format() => new("--format")
    {
        Description = "Output format: text, json, sarif or github",
        DefaultValueFactory = _ => OutputFormat.Text,
        CustomParser = result =>
        {
            var token = result.Tokens.Count > 0 ? result.Tokens[0].Value : "text";
            if (Enum.TryParse<OutputFormat>(token, ignoreCase: true, out var format))
            {
                return format;
            }

            result.AddError($"Unknown format '{token}'; use text, json, sarif or github");
            return OutputFormat.Text;
        },
    };

    /// <summary>A whole number of minutes, at least 1 (a zero or negative wait is refused as a usage error).</summary>
    public static Option<int> Minutes(string name, string description, int defaultValue)
    {
        var option = new Option<int>(name) { Description = description, DefaultValueFactory = _ => defaultValue };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1)
            {
                result.AddError($"{name} must be a whole number of minutes, at least 1 (got {result.GetValueOrDefault<int>()})");
            }
        });
        return option;
    }

    public static Option<string?> ClusterFile() => new("--file", "-f")
    {
        Description = "Path to cluster.yaml (default: cluster.yaml in this folder or the nearest parent folder)",
    };

    public static Option<bool> Offline() => new("--offline")
    {
        Description = "Fetch nothing: Helm charts not already in the cache are not rendered, Kustomizations with remote resources are not built (both reported)",
    };

    public static Option<string?> ChartMirror() => new("--chart-mirror")
    {
        Description = "A folder (or file:// URL) of Helm repositories to take charts from before the cache and the network (default: $HOMEOPS_CHART_MIRROR)",
    };

    /// <summary>The --chart-mirror value as an absolute path (a file:// URL is kept), or null when the option was not given.</summary>
    public static string? ChartMirrorValue(ParseResult parse, Option<string?> option, string workingDirectory) =>
        parse.GetValue(option) is { Length: > 0 } value
            ? value.StartsWith("file://", StringComparison.Ordinal) ? value : System.IO.Path.GetFullPath(value, workingDirectory)
            : null;

    public static Option<string[]> Schemas() => new("--schemas")
    {
        Description = "A folder of CRD manifests to validate custom resources against (repeatable)",
        AllowMultipleArgumentsPerToken = false,
    };

    public static Option<bool> NoCache() => new("--no-cache")
    {
        Description = "Build everything again instead of reusing unchanged builds from the cache",
    };

    public static Option<string?> Path() => new("--path")
    {
        Description = "The Flux entry folder, relative to the repository root (default: gitops.path in cluster.yaml)",
    };

    public static Option<string?> KubernetesVersion() => new("--kubernetes-version")
    {
        Description = "The Kubernetes version the cluster runs, e.g. v1.34.2 (default: cluster.yaml, else the version the tree's Talos configuration pins)",
    };
}
