using System.Formats.Tar;
using System.IO.Compression;
using HomeOps.Core.GitOps.Model;
using HomeOps.Testing;

namespace HomeOps.Operations.Tests.GitOps;

/// <summary>
/// The LoadBalancer family rule (HO4020-HO4023) on trees that pass: dual stack from two pools and from one pool with
/// both families, announced over an IPv4 and an IPv6 session; and on a Service a real chart renders (ingress-nginx
/// from the chart mirror in ../shared/reference/charts). The failing cases are rule fixtures (load-balancer-*).
/// </summary>
public sealed class LoadBalancerFamilyTests
{
    private const string DualStack = "_load-balancer-dual-stack";

    [Fact]
    public async Task Validate_DualStackPoolsAnnouncedOverBothFamilies_IsClean()
    {
        using var tree = FixtureTree.Create(DualStack);
        var result = await Validation.RunAsync(tree.Root);
        Validation.Lines(result, []).ShouldBeEmpty(string.Join("\n", result.Diagnostics));
        result.Tree!.AllObjects.Count(o => o.Kind == "Service" && o.Root.Str("spec", "type") == "LoadBalancer").ShouldBe(4);
    }

    [Fact]
    public async Task Validate_WithoutTheIPv6Session_ReportsTheIPv6PoolsNotTheServices()
    {
        using var tree = FixtureTree.Create(DualStack);
        var bgp = Path.Combine(tree.Root, "infrastructure", "storage", "bgp.yaml");
        var text = await File.ReadAllTextAsync(bgp, TestContext.Current.CancellationToken);
        var v6Peer = "        - name: router-v6\n          peerASN: 64513\n          peerAddress: fd47:25e1:2f96:51::1\n          peerConfigRef:\n            name: ipv6-load-balancers\n";
        text.ShouldContain(v6Peer);
        tree.Write("infrastructure/storage/bgp.yaml", text.Replace(v6Peer, string.Empty, StringComparison.Ordinal));

        var result = await Validation.RunAsync(tree.Root);
        // The pool-level warning names each IPv6 pool once; the Services drawing from them are not repeated.
        Validation.Lines(result, []).ShouldBe(["HO4021 infrastructure/storage/pools.yaml:19:3", "HO4021 infrastructure/storage/pools.yaml:33:3"],
            string.Join("\n", result.Diagnostics));
    }

    [Fact]
    public async Task Validate_CiliumWithoutIPv6_AsksPreferDualStackServicesForIPv4Only()
    {
        using var tree = FixtureTree.Create(DualStack);
        // No IPv6 pool can serve bgp-default any more; with Cilium's IPv6 off, PreferDualStack asks for IPv4 alone
        // (lbipam.go serviceIPFamilyRequest), so nothing is missing. RequireDualStack, too, asks only for enabled families.
        tree.Write("infrastructure/storage/cilium.yaml",
            "apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: cilium\n  namespace: kube-system\nspec:\n  interval: 30m\n"
            + "  chart:\n    spec:\n      chart: cilium\n      version: 1.17.6\n      sourceRef:\n        kind: HelmRepository\n        name: cilium\n        namespace: flux-system\n"
            + "  values:\n    ipv6:\n      enabled: false\n");
        var pools = await File.ReadAllTextAsync(Path.Combine(tree.Root, "infrastructure", "storage", "pools.yaml"), TestContext.Current.CancellationToken);
        tree.Write("infrastructure/storage/pools.yaml", pools.Replace("values: [bgp-default-ipv6, bgp-default]", "values: [bgp-default-ipv6]", StringComparison.Ordinal));
        var kustomization = await File.ReadAllTextAsync(Path.Combine(tree.Root, "infrastructure", "storage", "kustomization.yaml"), TestContext.Current.CancellationToken);
        tree.Write("infrastructure/storage/kustomization.yaml", kustomization + "  - cilium.yaml\n");

        var result = await Validation.RunAsync(tree.Root);
        result.Diagnostics.Where(d => d.Code.StartsWith("HO402", StringComparison.Ordinal)).ShouldBeEmpty(string.Join("\n", result.Diagnostics));
    }

    [Fact]
    public async Task Validate_ChartRenderedServiceAskingForAFamilyNoPoolHas_IsReported()
    {
        var reference = RepositoryPaths.SharedReference;
        Assert.SkipWhen(reference is null, "../shared/reference is not next to this checkout: this test renders the real ingress-nginx chart");
        var chartFolder = Directory.CreateTempSubdirectory("homeops-ingress-nginx-").FullName;
        try
        {
            await using (var gzip = new GZipStream(File.OpenRead(Path.Combine(reference!, "charts", "ingress-nginx-4.15.1.tgz")), CompressionMode.Decompress))
            {
                await TarFile.ExtractToDirectoryAsync(gzip, chartFolder, overwriteFiles: true, TestContext.Current.CancellationToken);
            }

            using var repo = await ChartRepository.StartAsync(Path.Combine(chartFolder, "ingress-nginx"));
            using var tree = FixtureTree.Create(DualStack);
            tree.Write("infrastructure/storage/ingress.yaml", Ingress(repo.Url, "legacy"));
            tree.Write("infrastructure/storage/legacy-pool.yaml",
                "apiVersion: cilium.io/v2alpha1\nkind: CiliumLoadBalancerIPPool\nmetadata:\n  name: legacy\nspec:\n  blocks:\n    - cidr: 172.29.54.0/28\n"
                + "  serviceSelector:\n    matchLabels:\n      io.cilium/lb-ipam-pool: legacy\n");
            var kustomization = await File.ReadAllTextAsync(Path.Combine(tree.Root, "infrastructure", "storage", "kustomization.yaml"), TestContext.Current.CancellationToken);
            tree.Write("infrastructure/storage/kustomization.yaml", kustomization + "  - legacy-pool.yaml\n  - ingress.yaml\n");

            var result = await Validation.RunAsync(tree.Root, offline: false, cache: Directory.CreateTempSubdirectory("homeops-helm-cache-").FullName);
            var release = result.Tree!.Find("flux-system/storage")!.Releases.ShouldHaveSingleItem();
            release.Rendered.ShouldBeTrue(release.SkipReason);
            var found = result.Diagnostics.Where(d => d.Code.StartsWith("HO402", StringComparison.Ordinal)).ToList();
            var diagnostic = found.ShouldHaveSingleItem(string.Join("\n", result.Diagnostics));
            diagnostic.Code.ShouldBe("HO4020");
            diagnostic.Message.ShouldContain("Service/ingress-nginx/ingress-nginx-controller asks Cilium for an IPv6 address");
            diagnostic.Location.Path.ShouldBe("infrastructure/storage/ingress.yaml");

            // The same chart with the pool label of a dual-stack pool: nothing to report.
            tree.Write("infrastructure/storage/ingress.yaml", Ingress(repo.Url, "bgp-ingress"));
            var fixedResult = await Validation.RunAsync(tree.Root, offline: false, cache: Directory.CreateTempSubdirectory("homeops-helm-cache-").FullName);
            fixedResult.Diagnostics.Where(d => d.Code.StartsWith("HO402", StringComparison.Ordinal)).ShouldBeEmpty();
        }
        finally
        {
            Directory.Delete(chartFolder, recursive: true);
        }
    }

    /// <summary>ingress-nginx 4.15.1 as the tree installs it: dual stack requested through the chart's values.</summary>
    private static string Ingress(string repository, string pool) => $$"""
        apiVersion: v1
        kind: Namespace
        metadata:
          name: ingress-nginx
        ---
        apiVersion: source.toolkit.fluxcd.io/v1
        kind: HelmRepository
        metadata:
          name: ingress-nginx
          namespace: flux-system
        spec:
          interval: 12h
          url: {{repository}}
        ---
        apiVersion: helm.toolkit.fluxcd.io/v2
        kind: HelmRelease
        metadata:
          name: ingress-nginx
          namespace: ingress-nginx
        spec:
          interval: 30m
          chart:
            spec:
              chart: ingress-nginx
              version: 4.15.1
              sourceRef:
                kind: HelmRepository
                name: ingress-nginx
                namespace: flux-system
          values:
            controller:
              admissionWebhooks:
                enabled: false
              service:
                labels:
                  io.cilium/lb-ipam-pool: {{pool}}
                ipFamilyPolicy: PreferDualStack
                ipFamilies: [IPv4, IPv6]
        """;
}
