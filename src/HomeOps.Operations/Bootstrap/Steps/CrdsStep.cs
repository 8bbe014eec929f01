using System.Text.Json.Nodes;
using HomeOps.Core.Diagnostics;
using HomeOps.Core.Yaml;
using HomeOps.Runtime.Kubernetes;
using HomeOps.Runtime.Tools;

namespace HomeOps.Operations.Bootstrap.Steps;

/// <summary>
/// The CustomResourceDefinitions of every core chart, rendered with helm template and applied server-side before
/// any chart is installed, so no chart (or its ServiceMonitors) meets a kind the API server does not know yet.
/// </summary>
public sealed class CrdsStep(BootstrapPlanInputs inputs) : BootstrapStep
{
    private List<JsonObject>? _crds;

    public const string StepName = "crds";

    public override string Name => StepName;

    public override string Description => "CRDs of the core charts after the CNI (helm template, server-side apply)";

    public override IReadOnlyList<string> DependsOn => [BootstrapSecretsStep.StepName];

    /// <summary>Done when every CRD exists and is Established: one that exists but is not served yet still needs the wait.</summary>
    public override async Task<bool> IsDoneAsync(BootstrapContext context, CancellationToken cancellationToken)
    {
        foreach (var crd in await RenderAsync(context, cancellationToken).ConfigureAwait(false))
        {
            if (!IsEstablished(await context.Kube.GetAsync(KubeResource.CustomResourceDefinitions, null, NameOf(crd), cancellationToken).ConfigureAwait(false)))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsEstablished(JsonObject? crd) =>
        crd?["status"]?["conditions"] is JsonArray conditions
        && conditions.Any(x => x?["type"]?.GetValue<string>() == "Established" && x["status"]?.GetValue<string>() == "True");

    public override async Task RunAsync(BootstrapContext context, CancellationToken cancellationToken)
    {
        foreach (var crd in await RenderAsync(context, cancellationToken).ConfigureAwait(false))
        {
            await context.Kube.ApplyAsync(KubeResource.CustomResourceDefinitions, crd, BootstrapContext.FieldManager, cancellationToken).ConfigureAwait(false);
        }
    }

    public override async Task WaitAsync(BootstrapContext context, CancellationToken cancellationToken)
    {
        var wanted = (await RenderAsync(context, cancellationToken).ConfigureAwait(false)).Select(NameOf).ToHashSet(StringComparer.Ordinal);
        await Waits.WatchAsync(context, "the CRDs to be Established", KubeResource.CustomResourceDefinitions, null, crds =>
        {
            var established = crds.Where(IsEstablished).Select(NameOf);
            var missing = wanted.Except(established).Order(StringComparer.Ordinal).ToList();
            return (missing.Count == 0, "not established: " + string.Join(", ", missing));
        }, cancellationToken).ConfigureAwait(false);
    }

    private async Task<List<JsonObject>> RenderAsync(BootstrapContext context, CancellationToken cancellationToken)
    {
        if (_crds is not null)
        {
            return _crds;
        }

        var crds = new List<JsonObject>();
        foreach (var chart in inputs.Workloads)
        {
            var result = await context.RunAsync(Template(chart), cancellationToken).ConfigureAwait(false);
            if (!result.Succeeded)
            {
                throw BootstrapContext.Fail(DiagnosticCatalog.HelmInstallFailed.At(chart.Location, chart.Display, result.ErrorSummary(2)));
            }

            var diagnostics = new DiagnosticBag();
            foreach (var node in YamlReader.ReadAll(result.StandardOutput, $"helm template {chart.Release}", diagnostics))
            {
                if (YamlJson.ToJson(node) is JsonObject obj && obj["kind"]?.GetValue<string>() == "CustomResourceDefinition" && crds.TrueForAll(c => NameOf(c) != NameOf(obj)))
                {
                    crds.Add(obj);
                }
            }
        }

        return _crds = crds;
    }

    private static Runtime.Processes.CommandSpec Template(Tree.CoreChart chart) =>
        Helm.Template(new HelmTemplateRequest(chart.Release, chart.Chart, chart.Namespace)
        {
            Repository = chart.Repository, Version = chart.Version, ValuesYaml = chart.ValuesYaml, IncludeCrds = true, SkipTests = false,
        });

    private static string NameOf(JsonObject o) => o["metadata"]?["name"]?.GetValue<string>() ?? string.Empty;

    public override IEnumerable<string> Plan(BootstrapContext context) =>
        inputs.Workloads.Select(c => Template(c).Display() + "  | keep CustomResourceDefinitions | server-side apply");
}
