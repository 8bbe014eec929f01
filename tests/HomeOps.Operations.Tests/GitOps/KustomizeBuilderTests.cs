using HomeOps.Core.GitOps.Kustomize;
using HomeOps.Operations.GitOps;
using HomeOps.Runtime.Files;
using HomeOps.Runtime.Processes;
using HomeOps.Runtime.Tools;

namespace HomeOps.Operations.Tests.GitOps;

/// <summary>
/// The in-process build against `kubectl kustomize` on small trees made to hit what kustomize prints in its own way:
/// quoting, folding of long strings, block scalars, numbers, key order, merge keys, the namespace transformer,
/// patches and generators. Each case must build in-process and print exactly what kubectl prints.
/// </summary>
public sealed class KustomizeBuilderTests
{
    private const string Overlay = "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nbuildMetadata: [originAnnotations]\nresources:\n  - \"__ROOT__/app\"\n";

    public static TheoryData<string> Cases() => [.. KustomizeBuilderCases.All.Keys.Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Build_Case_PrintsWhatKubectlPrints(string name)
    {
        var (files, overlayExtra) = KustomizeBuilderCases.All[name];
        var root = Directory.CreateTempSubdirectory("homeops-kustomize-case-").FullName;
        try
        {
            foreach (var (path, text) in files)
            {
                var full = Path.Combine(root, "repo", path);
                Directory.CreateDirectory(Path.GetDirectoryName(full)!);
                await File.WriteAllTextAsync(full, text, TestContext.Current.CancellationToken);
            }

            var overlayDir = Path.Combine(root, "overlay");
            Directory.CreateDirectory(overlayDir);
            await File.WriteAllTextAsync(Path.Combine(overlayDir, "kustomization.yaml"), (Overlay + overlayExtra).Replace("__ROOT__", "../repo", StringComparison.Ordinal), TestContext.Current.CancellationToken);
            var kubectl = await new KustomizeTool(ProcessCommandRunner.Instance).BuildAsync(overlayDir, TestContext.Current.CancellationToken);
            kubectl.ExitCode.ShouldBe(0, kubectl.StandardError);
            var expected = kubectl.StandardOutput.Replace("../repo/", "__ROOT__/", StringComparison.Ordinal);

            var built = KustomizeBuilder.Build(new DiskSourceTree(PhysicalFileSystem.Instance, Path.Combine(root, "repo")), Overlay + overlayExtra);
            built.Unsupported.ShouldBeNull();
            built.Output.ShouldBe(expected);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void Build_HashedConfigMapNamedOutsideThePodSpecFields_LeavesItToKustomize()
    {
        var root = Directory.CreateTempSubdirectory("homeops-kustomize-case-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(root, "app"));
            File.WriteAllText(Path.Combine(root, "app", "kustomization.yaml"), "resources: [role.yaml]\nconfigMapGenerator:\n  - name: settings\n    literals: [a=b]\n");
            // kustomize renames RBAC resourceNames too (namereference.go); the in-process build renames pod spec fields only.
            File.WriteAllText(Path.Combine(root, "app", "role.yaml"), "apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata:\n  name: reader\nrules:\n  - apiGroups: [\"\"]\n    resources: [configmaps]\n    resourceNames: [settings]\n    verbs: [get]\n");
            var built = KustomizeBuilder.Build(new DiskSourceTree(PhysicalFileSystem.Instance, root), Overlay);
            built.Output.ShouldBeNull();
            built.Unsupported.ShouldBe("a reference to a generated ConfigMap with a name hash that kustomize may or may not rename");
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
