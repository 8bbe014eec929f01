using HomeOps.Core.GitOps.Build;
using HomeOps.Core.GitOps.Kustomize;
using HomeOps.Operations.GitOps;
using HomeOps.Runtime.Files;
using HomeOps.Runtime.Processes;
using HomeOps.Testing;

namespace HomeOps.Operations.Tests.GitOps;

/// <summary>
/// The in-process build against the real thing, on this repository and the public corpus trees: validate reports
/// the same diagnostics with every Kustomization built by `kubectl kustomize` as with in-process builds; every
/// in-process output is byte-equal to kubectl's; and nearly every Kustomization builds in-process.
/// </summary>
public sealed class InProcessKustomizeCorpusTests
{
    [Fact]
    public async Task Build_RepositoryTree_ByteEqualToKubectl()
    {
        var report = await CompareAsync(RepositoryPaths.Root, entry: null, "this repository");
        report.Mismatches.ShouldBeEmpty(report.Describe());
        report.DiagnosticDifferences.ShouldBeEmpty(report.Describe());
        // Left to kustomize: one RBAC binding whose subject kustomize completes with its ServiceAccount's namespace,
        // and home-assistant, whose hashed ConfigMap shares its name with a PersistentVolumeClaim (ConfigMapHash
        // renames only where no other field holds the name).
        report.InProcess.ShouldBeGreaterThanOrEqualTo(report.Total - 2, report.Describe());
    }

    [Fact]
    public async Task Build_CorpusTrees_ByteEqualToKubectl()
    {
        if (CorpusTrees.Folder is null)
        {
            Assert.Skip(CorpusTrees.SkipReason);
        }

        var reports = new List<Report>();
        foreach (var tree in await CorpusTrees.UnpackAsync(TestContext.Current.CancellationToken))
        {
            foreach (var entry in tree.Entries)
            {
                reports.Add(await CompareAsync(tree.Root, entry, $"{tree.Name}:{entry}"));
            }
        }

        var summary = string.Join("\n", reports.Select(r => r.Describe()));
        // The coverage figures, for docs/development.md (test output of passing tests is not shown).
        await File.WriteAllTextAsync(Path.Combine(Path.GetTempPath(), "homeops-in-process-kustomize.txt"), summary, TestContext.Current.CancellationToken);
        reports.SelectMany(r => r.Mismatches).ShouldBeEmpty(summary);
        reports.SelectMany(r => r.DiagnosticDifferences).ShouldBeEmpty(summary);
        foreach (var report in reports)
        {
            // Nearly every Kustomization of a public tree is plain enough to build in-process.
            report.InProcess.ShouldBeGreaterThanOrEqualTo((int)(report.Total * 0.9), summary);
        }
    }

    private sealed record Report(string Name, int Total, int InProcess, List<string> Mismatches, Dictionary<string, int> Reasons, List<string> DiagnosticDifferences, int Diagnostics)
    {
        public string Describe() =>
            $"{Name}: {InProcess}/{Total} in-process, {Mismatches.Count} different from kubectl; {Diagnostics} diagnostics, {DiagnosticDifferences.Count} different"
            + string.Concat(Reasons.OrderByDescending(r => r.Value).Select(r => $"\n  external ({r.Value}): {r.Key}"))
            + string.Concat(Mismatches.Select(m => $"\n  DIFFERENT {m}"))
            + string.Concat(DiagnosticDifferences.Select(d => $"\n  {d}"));
    }

    /// <summary>
    /// Validates the tree twice without a shared cache, with every Kustomization built by kubectl and then with
    /// in-process builds, and compares the diagnostics; then builds each Kustomization in-process again and compares
    /// the bytes with the kubectl output the first run left in its cache.
    /// </summary>
    private static async Task<Report> CompareAsync(string root, string? entry, string name)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var external = Directory.CreateTempSubdirectory("homeops-kustomize-external-").FullName;
        var inProcess = Directory.CreateTempSubdirectory("homeops-kustomize-in-process-").FullName;
        try
        {
            var files = PhysicalFileSystem.Instance;
            var workspace = Workspace.Locate(files, root, clusterFile: null);
            var service = new ValidateService(ProcessCommandRunner.Instance, TimeProvider.System);
            var options = new ValidateOptions { EntryPath = entry, Offline = true, InProcessKustomize = false, CacheDirectory = external };
            var reference = await service.RunAsync(workspace, options, cancellationToken);
            var candidate = await service.RunAsync(workspace, options with { InProcessKustomize = true, CacheDirectory = inProcess }, cancellationToken);
            var diagnostics = candidate.Diagnostics.Select(d => d.ToString()).ToList();
            var differences = reference.Diagnostics.Select(d => d.ToString()).Except(diagnostics).Select(d => $"only with kubectl: {d}")
                .Concat(diagnostics.Except(reference.Diagnostics.Select(d => d.ToString())).Select(d => $"only in-process: {d}")).ToList();

            var source = new DiskSourceTree(files, root);
            var cache = new BuildCache(files, external, enabled: true);
            var (total, built, mismatches, reasons) = (0, 0, new List<string>(), new Dictionary<string, int>(StringComparer.Ordinal));
            foreach (var node in reference.Tree!.Kustomizations.Where(k => k.Built && k.Inputs is not null && k.InputHash is not null))
            {
                if (cache.Get("builds", node.InputHash!) is not { } expected)
                {
                    continue;   // empty (nothing to build) or refused by kustomize
                }

                total++;
                var result = KustomizeBuilder.Build(source, Overlay.Write(node.Spec, node.Inputs!, KustomizeBuilder.RootPrefix));
                if (result.Output is not { } actual)
                {
                    reasons[result.Unsupported!] = reasons.GetValueOrDefault(result.Unsupported!) + 1;
                    continue;
                }

                built++;
                if (actual != expected)
                {
                    mismatches.Add($"{node.Id}: {FirstDifference(expected, actual)}");
                }
            }

            return new Report(name, total, built, mismatches, reasons, differences, reference.Diagnostics.Count);
        }
        finally
        {
            Directory.Delete(external, recursive: true);
            Directory.Delete(inProcess, recursive: true);
        }
    }

    private static string FirstDifference(string expected, string actual)
    {
        var (a, b) = (expected.Split('\n'), actual.Split('\n'));
        for (var i = 0; i < Math.Max(a.Length, b.Length); i++)
        {
            var (x, y) = (i < a.Length ? a[i] : "<end>", i < b.Length ? b[i] : "<end>");
            if (x != y)
            {
                return $"line {i + 1}: kubectl '{x}', in-process '{y}'";
            }
        }

        return "line endings";
    }
}
