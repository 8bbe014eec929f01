namespace HomeOps.Testing;

/// <summary>Paths of the repository under test and of the shared reference material next to it.</summary>
public static class RepositoryPaths
{
    private static readonly Lazy<string> s_root = new(FindRoot);

    /// <summary>The repository root (the folder holding HomeOps.slnx).</summary>
    public static string Root => s_root.Value;

    public static string ClusterFile => Path.Combine(Root, "cluster.yaml");

    /// <summary>../shared/reference (upstream schemas), or null when the checkout has no shared folder beside it.</summary>
    public static string? SharedReference
    {
        get
        {
            var path = Path.GetFullPath(Path.Combine(Root, "..", "shared", "reference"));
            return Directory.Exists(path) ? path : null;
        }
    }

    /// <summary>../shared/reference/charts (a Helm repository with every chart the tree pins), or null without it.</summary>
    public static string? ChartMirror => SharedReference is { } reference && File.Exists(Path.Combine(reference, "charts", "index.yaml")) ? Path.Combine(reference, "charts") : null;

    /// <summary>Why a test that needs the chart mirror is skipped.</summary>
    public const string NoChartMirror = "../shared/reference/charts (the chart mirror) is not next to this checkout";

    public static string Combine(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var dir = AppContext.BaseDirectory; dir is not null; dir = Path.GetDirectoryName(dir))
        {
            if (File.Exists(Path.Combine(dir, "HomeOps.slnx")))
            {
                return dir;
            }
        }

        throw new InvalidOperationException("Cannot find the repository root (HomeOps.slnx) above " + AppContext.BaseDirectory);
    }
}
