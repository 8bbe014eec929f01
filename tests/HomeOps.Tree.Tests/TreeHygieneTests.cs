using HomeOps.Core.Platform;
using HomeOps.Core.Yaml;
using HomeOps.Tree.Tests.Tree;

namespace HomeOps.Tree.Tests;

/// <summary>The reference repository's failure classes (notes/reference-repo.md section 12), as tests of this tree.</summary>
public sealed class TreeHygieneTests
{
    [Fact]
    public async Task Objects_ContainNoSecretWithData()
    {
        var tree = await FluxTree.Repository;
        var secrets = tree.Objects.Where(o => o.Kind == "Secret" && (o.Node.At("data") is not null || o.Node.At("stringData") is not null));
        secrets.Select(o => o.ToString()).ShouldBeEmpty("every secret is an ExternalSecret; only the bootstrap creates the two 1Password Connect secrets");
    }

    [Fact]
    public void TreeFiles_DeclareNoSecretObject()
    {
        // Also catches a Secret in a file no Kustomization references (and so no build above would show).
        var files = TreeFiles.YamlFiles().Where(f => File.ReadAllLines(f).Any(l => l.Trim() == "kind: Secret"));
        files.Select(TreeFiles.Relative).ShouldBeEmpty();
    }

    [Fact]
    public async Task LoadBalancerServices_SelectAnExistingPoolByLabel()
    {
        var tree = await FluxTree.Repository;
        var pools = tree["cilium-config"].Build.Objects.Where(o => o.Kind == "CiliumLoadBalancerIPPool").Select(o => o.Name).ToHashSet();
        pools.ShouldNotBeEmpty();
        var problems = new List<string>();

        // Plain Service objects.
        foreach (var service in tree.Objects.Where(o => o.Kind == "Service" && o.Node.Text("spec", "type") == "LoadBalancer"))
        {
            CheckPool(service.ToString(), service.Node.Text("metadata", "labels", CiliumConfigManifests.PoolLabel));
        }

        // Services a chart renders: any values mapping with type LoadBalancer carries its labels beside it.
        foreach (var release in tree.Objects.Where(o => o.Kind == "HelmRelease"))
        {
            foreach (var mapping in release.Node.At("spec", "values").Mappings().Where(m => m.Text("type") == "LoadBalancer"))
            {
                CheckPool($"{release} values at line {mapping.Span.Line}", mapping.Text("labels", CiliumConfigManifests.PoolLabel));
            }
        }

        problems.ShouldBeEmpty();

        void CheckPool(string what, string? pool)
        {
            if (pool is null)
            {
                problems.Add($"{what}: LoadBalancer without the label {CiliumConfigManifests.PoolLabel} (an annotation alone gets no address)");
            }
            else if (!pools.Contains(pool))
            {
                problems.Add($"{what}: pool '{pool}' is not one of {string.Join(", ", pools)}");
            }
        }
    }

    [Fact]
    public async Task Kustomizations_NeverCombineWaitWithHealthChecks()
    {
        var tree = await FluxTree.Repository;
        tree.Kustomizations.Where(k => k.Wait && k.HealthChecks.Count > 0).Select(k => k.Name)
            .ShouldBeEmpty("with wait: true Flux ignores healthChecks; use one or the other");
    }

    [Fact]
    public async Task HealthChecks_NameObjectsTheKustomizationApplies()
    {
        var tree = await FluxTree.Repository;
        var problems = new List<string>();
        foreach (var kustomization in tree.Kustomizations)
        {
            foreach (var check in kustomization.HealthChecks)
            {
                var (kind, name, ns) = (check.Text("kind"), check.Text("name"), check.Text("namespace"));
                var apiVersion = check.Text("apiVersion") ?? "apps/v1";
                if (!kustomization.Build.Objects.Any(o => o.Kind == kind && o.Name == name && o.Namespace == ns && o.ApiVersion == apiVersion))
                {
                    problems.Add($"{kustomization.Name}: health check {apiVersion} {kind} {ns}/{name} is not among its objects");
                }
            }
        }

        problems.ShouldBeEmpty();
    }

    [Fact]
    public async Task Kustomizations_WithWorkloadsCheckTheirHealth()
    {
        // A Kustomization that is Ready before its release is means dependsOn on it waits for nothing.
        var tree = await FluxTree.Repository;
        var unguarded = tree.Kustomizations
            .Where(k => k.Build.Objects.Any(o => o.Kind is "HelmRelease" or "Deployment" or "DaemonSet" or "StatefulSet"))
            .Where(k => !k.Wait && k.HealthChecks.Count == 0)
            .Select(k => k.Name);
        unguarded.ShouldBeEmpty();
    }

    [Fact]
    public async Task Kustomizations_SetIntervalsTimeoutsAndPrune()
    {
        var tree = await FluxTree.Repository;
        foreach (var kustomization in tree.Kustomizations)
        {
            var spec = kustomization.Node.At("spec");
            spec.Text("interval").ShouldNotBeNull(kustomization.Name);
            spec.Text("retryInterval").ShouldNotBeNull(kustomization.Name);
            spec.Text("timeout").ShouldNotBeNull(kustomization.Name);
            spec.Text("prune").ShouldBe("true", kustomization.Name);
            spec.Text("sourceRef", "name").ShouldBe("flux-system", kustomization.Name);
            kustomization.Node.Text("metadata", "namespace").ShouldBe("flux-system", kustomization.Name);
        }
    }

    [Fact]
    public async Task HelmReleases_RetryAFailedInstallUntilItWorks()
    {
        // helm-controller 1.1 stops for good once a finite install retry count is used up (a manual step on a fresh
        // cluster); upgrades keep a finite count and roll back.
        var tree = await FluxTree.Repository;
        foreach (var release in tree.Objects.Where(o => o.Kind == "HelmRelease"))
        {
            release.Node.Text("spec", "install", "remediation", "retries").ShouldBe("-1", release.Name);
            release.Node.Text("spec", "upgrade", "remediation", "strategy").ShouldBe("rollback", release.Name);
        }
    }

    [Fact]
    public async Task YamlFiles_AreAllReachableFromTheClusterEntry()
    {
        var tree = await FluxTree.Repository;
        var reachable = Reachability.Files(tree.Kustomizations.Select(k => k.Path));
        // A chart of this repository is reached through the HelmRelease that installs it.
        var charts = tree.Objects.Where(o => o.Kind == "HelmRelease" && o.Node.Text("spec", "chart", "spec", "sourceRef", "kind") == "GitRepository")
            .Select(o => o.Node.Text("spec", "chart", "spec", "chart")!);
        reachable = reachable.Union(Reachability.ChartFiles(charts)).ToHashSet(StringComparer.Ordinal);
        var orphans = TreeFiles.YamlFiles().Select(TreeFiles.Relative).Where(f => !reachable.Contains(f));
        orphans.ShouldBeEmpty("delete files no Kustomization uses (about a third of the reference repository's were dead)");
    }

    [Fact]
    public async Task Workloads_UsePinnedImages()
    {
        var tree = await FluxTree.Repository;
        var images = tree.Objects
            .SelectMany(o => o.Node.Mappings().Where(m => m.At("image") is YamlScalar && m.At("name") is not null).Select(m => (o, image: m.Text("image")!)))
            .Concat(tree.Objects.Where(o => o.Kind == "HelmRelease")
                .SelectMany(o => o.Node.At("spec", "values").Mappings().Where(m => m.At("repository") is not null && m.At("tag") is not null)
                    .Select(m => (o, image: m.Text("repository") + ":" + m.Text("tag")))));
        images.Where(i => !i.image.Contains(':', StringComparison.Ordinal) || i.image.EndsWith(":latest", StringComparison.Ordinal) || i.image.EndsWith(":main", StringComparison.Ordinal))
            .Select(i => $"{i.o}: {i.image}").ShouldBeEmpty();
    }
}
