using System.Reflection;
using HomeOps.Core.Diagnostics;
using HomeOps.Operations.Bootstrap;
using HomeOps.Operations.Bootstrap.Steps;
using HomeOps.Testing;

namespace HomeOps.Operations.Tests.Bootstrap;

/// <summary>
/// Like the GitOps rule fixtures' meta-test: every environment (HO0xxx), Talos (HO2xxx), bootstrap (HO5xxx) and
/// upgrade (HO9xxx) code is produced by some test. A test names what it produces by its code ("HO5011") or its descriptor
/// (DiagnosticCatalog.ApplyConfigFailed) in a test source, a fixture's expected output or a golden file; a code named
/// nowhere under tests/ certainly has no test.
/// </summary>
public sealed class DiagnosticCoverageTests
{
    [Fact]
    public void Tests_ProduceEveryEnvironmentTalosBootstrapAndUpgradeDiagnostic()
    {
        var names = typeof(DiagnosticCatalog).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .ToDictionary(f => ((DiagnosticDescriptor)f.GetValue(null)!).Code, f => f.Name, StringComparer.Ordinal);
        var tests = RepositoryPaths.Combine("tests");
        var text = string.Join("\n", Directory.EnumerateFiles(tests, "*", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.EndsWith(".ledger", StringComparison.Ordinal)
                && new FileInfo(f).Length < 2_000_000)
            .Select(File.ReadAllText));

        var missing = DiagnosticCatalog.All
            .Where(d => d.Area is DiagnosticArea.Input or DiagnosticArea.Talos or DiagnosticArea.Bootstrap or DiagnosticArea.Upgrade)
            .Where(d => !text.Contains(d.Code, StringComparison.Ordinal) && !text.Contains("DiagnosticCatalog." + names[d.Code], StringComparison.Ordinal))
            .Select(d => $"{d.Code} {d.Name}")
            .ToList();

        missing.ShouldBeEmpty("every environment, Talos, bootstrap and upgrade diagnostic needs a test that produces it");
    }

    [Fact]
    public async Task Bootstrap_ApiRefusesAWrite_HO5041NamesTheRefusalThenResumeSucceeds()
    {
        await using var h = await BootstrapHarness.StartAsync();
        // Not transient (not 429 or 5xx): retrying would not help, so the step fails with the API's own message.
        h.Cluster.Api.Faults.FailNext(1, 400, "/api/v1/namespaces/external-secrets", "PATCH");

        var diagnostic = (await h.RunAsync()).ShouldHaveSingleItem(string.Join("\n", h.Progress.Lines));

        diagnostic.Code.ShouldBe("HO5041");
        diagnostic.Message.ShouldContain("injected fault 400");
        h.State.Steps[NamespacesStep.StepName].Status.ShouldBe(StepStatus.Failed);
        (await h.RunAsync(h.Options with { Resume = true })).ShouldBeEmpty();
    }

    [Fact]
    public async Task Bootstrap_CoreChartWithoutPinnedVersion_HO5060AtTheChartSpecAndNothingApplied()
    {
        await using var h = await BootstrapHarness.StartAsync(editTree: root =>
            BootstrapHarness.Edit(root, "infrastructure/cilium/helmrelease.yaml", "      version: 1.17.6\n", string.Empty));

        var diagnostic = (await h.RunAsync(h.Options with { DryRun = true })).ShouldHaveSingleItem();

        diagnostic.Code.ShouldBe("HO5060");
        diagnostic.Location.Path.ShouldBe("infrastructure/cilium/helmrelease.yaml");
        diagnostic.Message.ShouldContain("spec.chart.spec needs chart and version (a pinned version)");
        h.Cluster.Runner.Calls.ShouldBeEmpty();
    }
}
