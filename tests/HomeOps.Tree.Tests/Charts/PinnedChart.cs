using HomeOps.Core.Diagnostics;
using HomeOps.Core.GitOps.Build;
using HomeOps.Core.Yaml;
using HomeOps.Runtime.Processes;
using HomeOps.Runtime.Tools;
using HomeOps.Testing;
using HomeOps.Tree.Tests.Tree;

namespace HomeOps.Tree.Tests.Charts;

/// <summary>
/// What a HelmRelease of the tree installs: the real chart at the pinned version from ../shared/reference/charts,
/// rendered with helm 3 and the release's values (after Flux substitution), then its kustomize post-renderers
/// applied with kubectl kustomize, as helm-controller does. Skips when the shared charts are not beside the checkout.
/// </summary>
internal static class PinnedChart
{
    private const string Install = "run scripts/install-test-dependencies.sh";

    public static async Task<IReadOnlyList<YamlMapping>> RenderAsync(TreeObject release)
    {
        var chart = release.Node.Text("spec", "chart", "spec", "chart")!;
        var version = release.Node.Text("spec", "chart", "spec", "version")!;
        var shared = RepositoryPaths.SharedReference;
        if (shared is null || !File.Exists(Path.Combine(shared, "charts", $"{chart}-{version}.tgz")))
        {
            Assert.Skip($"../shared/reference/charts/{chart}-{version}.tgz is not beside this checkout");
        }

        var values = release.Node.At("spec", "values") is { } v ? YamlWriter.Write(v) : null;
        var request = new HelmTemplateRequest(release.Name, Path.Combine(shared, "charts", $"{chart}-{version}.tgz"), release.Namespace!) { ValuesYaml = values };
        var output = Succeeded(await InstalledPrograms.RunAsync(Helm.Template(request), Install, TestContext.Current.CancellationToken)).StandardOutput;
        foreach (var renderer in release.Node.Items("spec", "postRenderers").Select(r => r.At("kustomize")).OfType<YamlMapping>())
        {
            var folder = Directory.CreateTempSubdirectory("homeops-post-render-").FullName;
            try
            {
                File.WriteAllText(Path.Combine(folder, Overlay.PostRendererInput), output);
                File.WriteAllText(Path.Combine(folder, "kustomization.yaml"), Overlay.PostRenderer(renderer));
                output = Succeeded(await InstalledPrograms.RunAsync(KustomizeTool.BuildSpec("kubectl", folder), Install, TestContext.Current.CancellationToken)).StandardOutput;
            }
            finally
            {
                Directory.Delete(folder, recursive: true);
            }
        }

        return [.. YamlReader.ReadAll(output, $"{chart}-{version}", new DiagnosticBag()).OfType<YamlMapping>()];
    }

    private static CommandResult Succeeded(CommandResult result) =>
        result.Succeeded ? result : throw new Xunit.Sdk.XunitException($"{result.Spec.Display()} failed: {result.ErrorSummary(10)}");

}
