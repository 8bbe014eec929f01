using HomeOps.Runtime.Processes;
using HomeOps.Testing;

namespace HomeOps.Operations.Tests.GitOps;

/// <summary>
/// The public home-ops trees of ../shared/reference/trees (data, never fixtures), each unpacked once per test run
/// into a temporary folder, with the Flux entries their README names.
/// </summary>
internal static class CorpusTrees
{
    public sealed record Tree(string Name, string Root, IReadOnlyList<string> Entries);

    private static readonly (string Archive, string[] Entries)[] s_trees =
    [
        ("onedr0p--home-ops.tar.gz", ["kubernetes/flux/cluster"]),
        ("buroa--k8s-gitops.tar.gz", ["kubernetes/flux/cluster"]),
        ("joryirving--home-ops.tar.gz", ["kubernetes/clusters/main", "kubernetes/clusters/test", "kubernetes/clusters/utility"]),
    ];

    private static readonly SemaphoreSlim s_gate = new(1);
    private static IReadOnlyList<Tree>? s_unpacked;

    /// <summary>The folder of the archives, or null (with the reason for a skip) when ../shared is not there.</summary>
    public static string? Folder => RepositoryPaths.SharedReference is { } shared && Directory.Exists(Path.Combine(shared, "trees")) ? Path.Combine(shared, "trees") : null;

    public const string SkipReason = "../shared/reference/trees is not beside the repository (the public corpus trees are not available here)";

    public static async Task<IReadOnlyList<Tree>> UnpackAsync(CancellationToken cancellationToken)
    {
        await s_gate.WaitAsync(cancellationToken);
        try
        {
            if (s_unpacked is not null)
            {
                return s_unpacked;
            }

            var folder = Folder ?? throw new InvalidOperationException(SkipReason);
            var root = Directory.CreateTempSubdirectory("homeops-corpus-").FullName;
            var trees = new List<Tree>();
            foreach (var (archive, entries) in s_trees)
            {
                var name = archive[..archive.IndexOf("--", StringComparison.Ordinal)];
                var target = Path.Combine(root, name);
                Directory.CreateDirectory(target);
                var result = await ProcessCommandRunner.Instance.RunAsync(new CommandSpec("tar", ["-xzf", Path.Combine(folder, archive), "-C", target]), cancellationToken);
                result.ExitCode.ShouldBe(0, result.StandardError);
                trees.Add(new Tree(name, target, entries));
            }

            return s_unpacked = trees;
        }
        finally
        {
            s_gate.Release();
        }
    }
}
