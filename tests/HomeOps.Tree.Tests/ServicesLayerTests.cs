using HomeOps.Core.Graph;
using HomeOps.Core.Yaml;
using HomeOps.Testing;
using HomeOps.Tree.Tests.Tree;

namespace HomeOps.Tree.Tests;

/// <summary>The services layer: its dependency chain, resources, isolation and the wiring between its parts.</summary>
public sealed class ServicesLayerTests
{
    /// <summary>The Flux Kustomizations of the services layer (clusters/home-ops/services-*.yaml and apps.yaml).</summary>
    private static IEnumerable<FluxKustomization> ServicesLayer(FluxTree tree)
    {
        var files = new[] { "services-monitoring.yaml", "services-database.yaml", "services-identity.yaml", "apps.yaml" };
        var names = tree.RootBuild.Objects.Where(o => o.Kind == "Kustomization" && o.Group == "kustomize.toolkit.fluxcd.io")
            .Select(o => o.Name).ToHashSet(StringComparer.Ordinal);
        var declared = files.SelectMany(f => File.ReadAllLines(RepositoryPaths.Combine("clusters", "home-ops", f)))
            .Where(l => l.StartsWith("  name: ", StringComparison.Ordinal)).Select(l => l["  name: ".Length..].Trim()).ToHashSet(StringComparer.Ordinal);
        declared.ShouldNotBeEmpty();
        return tree.Kustomizations.Where(k => declared.Contains(k.Name) && names.Contains(k.Name));
    }

    [Theory]
    [InlineData("postgresql-cluster", "longhorn-config")]
    [InlineData("postgresql-cluster", "cnpg-barman-plugin")]
    [InlineData("redis", "longhorn-config")]
    [InlineData("authentik", "postgresql-cluster")]
    [InlineData("authentik", "redis")]
    [InlineData("authentik-proxy-config", "authentik")]
    [InlineData("authentik-proxy", "authentik-proxy-config")]
    [InlineData("home-assistant", "postgresql-cluster")]
    [InlineData("home-assistant", "authentik-proxy-config")]
    [InlineData("home-assistant", "mosquitto")]
    [InlineData("home-assistant", "matter-server")]
    [InlineData("mosquitto", "home-automation")]
    [InlineData("cnpg-monitoring", "kube-prometheus-stack")]
    public async Task DependsOn_StatesTheChainStorageDatabaseIdentityApps(string kustomization, string upstream)
    {
        var tree = await FluxTree.Repository;
        tree.DependencyGraph().Ancestors(kustomization).ShouldContain(upstream);
    }

    [Fact]
    public async Task Workloads_SetRequestsAndLimits()
    {
        var tree = await FluxTree.Repository;
        var problems = new List<string>();
        foreach (var obj in ServicesLayer(tree).SelectMany(k => k.Build.Objects).Where(o => o.Kind is "Deployment" or "StatefulSet" or "DaemonSet"))
        {
            var spec = obj.Node.At("spec", "template", "spec");
            foreach (var container in spec.Items("containers").Concat(spec.Items("initContainers")))
            {
                foreach (var (kind, resource) in new[] { ("requests", "cpu"), ("requests", "memory"), ("limits", "cpu"), ("limits", "memory") })
                {
                    if (container.Text("resources", kind, resource) is null)
                    {
                        problems.Add($"{obj} container {container.Text("name")}: no {kind}.{resource}");
                    }
                }
            }
        }

        // Chart values: every resources block a release sets has both requests and limits.
        foreach (var release in ServicesLayer(tree).SelectMany(k => k.Build.Objects).Where(o => o.Kind == "HelmRelease"))
        {
            // Container resources, not a volume claim's (requests.storage).
            var blocks = release.Node.At("spec", "values").Mappings().Select(m => m.At("resources")).OfType<YamlMapping>()
                .Where(b => b.At("requests", "storage") is null).ToList();
            if (blocks.Count == 0 && release.Name != "authentik-proxy-config")
            {
                problems.Add($"{release}: sets no resources");
            }

            problems.AddRange(blocks.Where(b => b.At("requests") is null || b.At("limits") is null).Select(b => $"{release} values line {b.Span.Line}: resources without requests or limits"));
        }

        problems.ShouldBeEmpty();
    }

    [Fact]
    public async Task HomeAutomation_EveryWorkloadIsFencedInBothDirections()
    {
        var tree = await FluxTree.Repository;
        var policies = tree.Objects.Where(o => o.Kind == "CiliumNetworkPolicy" && o.Namespace == "home-automation").ToList();
        var workloads = tree.Objects.Where(o => o.Kind is "Deployment" or "StatefulSet" && o.Namespace == "home-automation").ToList();
        workloads.Count.ShouldBe(2);
        foreach (var workload in workloads)
        {
            var labels = workload.Node.Entries("spec", "template", "metadata", "labels").ToDictionary(e => e.Key.Value, e => e.Value.Text());
            var selecting = policies.Where(p => p.Node.Entries("spec", "endpointSelector", "matchLabels").All(e => labels.GetValueOrDefault(e.Key.Value) == e.Value.Text())).ToList();
            selecting.ShouldNotBeEmpty(workload.ToString());
            // A rule list (even one empty rule) switches Cilium to default deny in that direction.
            selecting.ShouldContain(p => p.Node.At("spec", "ingress") is YamlSequence, workload.ToString());
            selecting.ShouldContain(p => p.Node.At("spec", "egress") is YamlSequence, workload.ToString());
        }
    }

    [Fact]
    public async Task MatterServer_HasOnlyTheCapabilitiesItNeeds()
    {
        var tree = await FluxTree.Repository;
        var release = tree["matter-server"].Build.Objects.Single(o => o.Kind == "HelmRelease");
        release.Node.Text("spec", "values", "networkInterface").ShouldBe("enp3s0f0");
        release.Node.Text("spec", "values", "persistence", "size").ShouldBe("5Gi");
        release.Node.Text("spec", "values", "service", "port").ShouldBe("5580");
        release.Node.Text("spec", "values", "bluetoothCommissioning", "enabled").ShouldBe("false");
        var patch = release.Node.Items("spec", "postRenderers").Single().Items("kustomize", "patches").Single().Text("patch")!;
        var operation = YamlReader.ReadSingle(patch, "patch", new Core.Diagnostics.DiagnosticBag()).Items().Last();
        operation.Text("path").ShouldBe("/spec/template/spec/containers/0/securityContext");
        operation.Text("value", "privileged").ShouldBe("false");
        operation.Items("value", "capabilities", "drop").Select(c => c.Text()).ShouldBe(["ALL"]);
        operation.Items("value", "capabilities", "add").Select(c => c.Text()).ShouldBe(["NET_ADMIN", "NET_RAW"]);
    }

    [Fact]
    public async Task Authentik_MountsTheBlueprintTheChartRenders()
    {
        var tree = await FluxTree.Repository;
        var values = tree["authentik"].Build.Objects.Single(o => o.Kind == "HelmRelease").Node.At("spec", "values");
        var volume = values.Items("worker", "volumes").Single();
        volume.Text("secret", "optional").ShouldBe("true", "the chart that writes it is installed after Authentik");
        var chartValues = YamlReader.ReadSingle(File.ReadAllText(RepositoryPaths.Combine("charts", "authentik-proxy-config", "values.yaml")), "values.yaml", new Core.Diagnostics.DiagnosticBag());
        volume.Text("secret", "secretName").ShouldBe(chartValues.Text("blueprint", "secretName"));
        values.Items("worker", "volumeMounts").Single().Text("mountPath").ShouldStartWith("/blueprints/");
        values.Text("authentik", "postgresql", "host").ShouldStartWith("postgresql-cluster-rw.postgresql-system.svc.");
        values.Text("authentik", "postgresql", "name").ShouldBe("authentik");
        values.Text("global", "image", "tag").ShouldBe("2025.6.4");
    }

    [Fact]
    public async Task Grafana_LogsInWithTheClientTheChartDeclares()
    {
        var tree = await FluxTree.Repository;
        var grafana = tree["kube-prometheus-stack"].Build.Objects.Single(o => o.Kind == "HelmRelease").Node.At("spec", "values", "grafana");
        var oauth = grafana.At("grafana.ini", "auth.generic_oauth");
        var chartValues = YamlReader.ReadSingle(File.ReadAllText(RepositoryPaths.Combine("charts", "authentik-proxy-config", "values.yaml")), "values.yaml", new Core.Diagnostics.DiagnosticBag());
        var service = chartValues.Items("services").Single(s => s.Text("name") == "grafana");
        oauth.Text("client_id").ShouldBe(service.Text("oidc", "clientId"));
        grafana.Text("grafana.ini", "server", "root_url").ShouldBe($"https://{service.Text("externalHost")}.{tree.Settings["DOMAIN_INTERNAL"]}");
        oauth.Text("auth_url").ShouldBe($"https://authentik.{tree.Settings["DOMAIN_INTERNAL"]}/application/o/authorize/");
        (grafana.Text("grafana.ini", "auth", "signout_redirect_url") ?? string.Empty).ShouldContain($"/application/o/{service.Text("name")}/end-session/");

        // Both sides read the client secret from one 1Password item.
        var secret = tree["kube-prometheus-stack"].Build.Objects.Single(o => o.Kind == "ExternalSecret" && o.Name == grafana.Text("envValueFrom", "GF_AUTH_GENERIC_OAUTH_CLIENT_SECRET", "secretKeyRef", "name"));
        secret.Node.Items("spec", "data").Single().Text("remoteRef", "key").ShouldBe(service.Text("oidc", "clientSecret", "item"));
    }

    [Fact]
    public async Task Prometheus_SelectsEveryNamespacesMonitorsAndRules()
    {
        var tree = await FluxTree.Repository;
        var spec = tree["kube-prometheus-stack"].Build.Objects.Single(o => o.Kind == "HelmRelease").Node.At("spec", "values", "prometheus", "prometheusSpec");
        foreach (var key in new[] { "serviceMonitor", "podMonitor", "rule", "probe", "scrapeConfig" })
        {
            spec.Text($"{key}SelectorNilUsesHelmValues").ShouldBe("false", key);
        }

        spec.Text("storageSpec", "volumeClaimTemplate", "spec", "storageClassName").ShouldBe(tree.Settings["STORAGE_CLASS"]);
        spec.Text("storageSpec", "volumeClaimTemplate", "spec", "resources", "requests", "storage").ShouldNotBeNull();
    }

    [Fact]
    public async Task FluxAndHubble_AreScraped()
    {
        var tree = await FluxTree.Repository;
        var monitors = tree["monitoring-config"].Build.Objects.Where(o => o.Kind is "PodMonitor" or "ServiceMonitor").ToList();
        monitors.ShouldContain(m => m.Kind == "ServiceMonitor" && m.Node.Text("spec", "selector", "matchLabels", "k8s-app") == "hubble"
            && m.Node.Items("spec", "endpoints").Any(e => e.Text("port") == "hubble-metrics"));
        monitors.ShouldContain(m => m.Kind == "PodMonitor" && m.Node.Items("spec", "namespaceSelector", "matchNames").Any(n => n.Text() == "flux-system")
            && m.Node.Items("spec", "podMetricsEndpoints").Any(e => e.Text("port") == "http-prom"));
        var cilium = tree["cilium"].Build.Objects.Single(o => o.Kind == "HelmRelease").Node;
        cilium.Items("spec", "values", "hubble", "metrics", "enabled").ShouldNotBeEmpty("the hubble-metrics Service exists only with metrics enabled");
    }
}
