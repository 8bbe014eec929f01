using System.Text.RegularExpressions;
using HomeOps.Core.Diagnostics;

namespace HomeOps.Core.GitOps.Build;

/// <summary>
/// The Kubernetes version a repository's cluster runs, read from the tree when cluster.yaml does not say: the
/// Talos machine configuration (or its template) pins the kube-apiserver and kubelet images, and talhelper's
/// talconfig.yaml has kubernetesVersion. In a repository serving several clusters, files under a folder named
/// like the entry's cluster (talos/main for kubernetes/clusters/main) win. When files disagree (an upgrade under
/// way) the oldest minor is taken: the tree must work on every node that still runs it.
/// </summary>
public static partial class ClusterKubernetesVersion
{
    private const int MaxBytes = 1024 * 1024;

    /// <summary>The detected version ("v1.36.4") and where it was read, or null.</summary>
    public static (string Version, SourceSpan At, string Evidence)? Detect(ISourceTree tree, IEnumerable<string> files, string entryPath)
    {
        var candidates = new List<(string Version, string File, int Line, string Evidence)>();
        foreach (var file in files.Where(IsTalosFile))
        {
            if (tree.ReadText(file) is not { Length: <= MaxBytes } text || text.Contains('\0', StringComparison.Ordinal))
            {
                continue;
            }

            foreach (Match m in Pin().Matches(text))
            {
                var line = 1 + text.AsSpan(0, m.Index).Count('\n');
                candidates.Add(("v" + m.Groups["v"].Value, file, line, m.Value.Trim()));
            }
        }

        if (candidates.Count == 0)
        {
            return null;
        }

        var cluster = RepoPath.FileName(entryPath);
        var mine = candidates.Where(c => c.File.Split('/').Contains(cluster, StringComparer.Ordinal)).ToList();
        var chosen = (mine.Count > 0 ? mine : candidates).OrderBy(c => Key(c.Version)).ThenBy(c => c.File, StringComparer.Ordinal).First();
        return (chosen.Version, SourceSpan.At(chosen.File, chosen.Line, 1), chosen.Evidence);
    }

    /// <summary>A file that can describe the nodes: under a folder named talos or clusterconfig, or a talconfig.</summary>
    private static bool IsTalosFile(string path)
    {
        var parts = path.Split('/');
        return parts[^1].StartsWith("talconfig", StringComparison.Ordinal)
            || parts[..^1].Any(p => p is "talos" or "clusterconfig");
    }

    private static (int, int, int) Key(string version) =>
        version.TrimStart('v').Split('.') is [var a, var b, var c, ..] && int.TryParse(a, out var x) && int.TryParse(b, out var y) && int.TryParse(c, out var z) ? (x, y, z) : (int.MaxValue, 0, 0);

    [GeneratedRegex(@"(?:(?:siderolabs/kubelet|kube-apiserver|kube-controller-manager|kube-scheduler):|kubernetesVersion:\s*[""']?)v?(?<v>1\.\d+\.\d+)\b")]
    private static partial Regex Pin();
}
