using HomeOps.Core.Yaml;
using HomeOps.Testing;
using HomeOps.Tree.Tests.Tree;

namespace HomeOps.Tree.Tests.Charts;

/// <summary>
/// charts/authentik-proxy-config rendered with helm 3: the output is pinned by a golden file, a new service adds
/// exactly its own blueprint entries, the chart has no hooks or Jobs, and bad values are refused.
/// </summary>
public sealed class AuthentikProxyConfigChartTests
{
    private const string Chart = "authentik-proxy-config";
    private const string Domain = "domain=k8s.example.net";

    private const string ExtraProxyService = """
        services:
          - name: dashboard
            displayName: Kubernetes Dashboard
            description: Workloads, logs and events of the cluster (log in with a service-account token).
            internalUrl: https://kubernetes-dashboard-kong-proxy.kubernetes-dashboard.svc:443
            externalHost: dashboard
            mode: proxy
            insecureSkipVerify: true
            groups: [authentik Admins]
          - name: hubble
            displayName: Hubble
            description: Network flows between the cluster's workloads (Cilium).
            internalUrl: http://hubble-ui.kube-system.svc:80
            externalHost: hubble
            mode: proxy
            groups: [authentik Admins]
          - name: grafana
            displayName: Grafana
            description: Dashboards of the cluster's metrics.
            internalUrl: http://kube-prometheus-stack-grafana.monitoring.svc:80
            externalHost: grafana
            mode: oidc
            groups: [authentik Admins, Grafana Admins, Grafana Editors, Grafana Viewers]
            oidc:
              clientId: grafana
              redirectPath: /login/generic_oauth
              clientSecret:
                item: home-ops-grafana-oidc-client-secret
                property: credential
          - name: prometheus
            displayName: Prometheus
            description: Metrics, targets and alert rules.
            internalUrl: http://kube-prometheus-stack-prometheus.monitoring.svc:9090
            externalHost: prometheus
            mode: proxy
            groups: [authentik Admins]
          - name: alertmanager
            displayName: Alertmanager
            description: Firing alerts and silences.
            internalUrl: http://kube-prometheus-stack-alertmanager.monitoring.svc:9093
            externalHost: alertmanager
            mode: proxy
            groups: [authentik Admins]
          - name: longhorn
            displayName: Longhorn
            description: Volumes, replicas, snapshots and backups.
            internalUrl: http://longhorn-frontend.longhorn-system.svc:80
            externalHost: longhorn
            mode: proxy
            groups: [authentik Admins]
          - name: homeassistant
            displayName: Home Assistant
            description: Home automation.
            internalUrl: http://home-assistant.home-automation.svc:8123
            externalHost: homeassistant
            mode: proxy
            groups: [authentik Admins, Home Automation]
          - name: zigbee2mqtt
            displayName: Zigbee2MQTT
            internalUrl: http://zigbee2mqtt.home-automation.svc:8080
            externalHost: zigbee
            mode: proxy
            groups: [Home Automation]
        """;

    [Fact]
    public async Task HelmTemplate_DefaultValues_MatchesGolden()
    {
        var result = await HelmChart.TemplateAsync(Chart, Chart, "authentik", null, Domain);
        result.ExitCode.ShouldBe(0, result.StandardError);
        Golden.Assert(result.StandardOutput, "tests/HomeOps.Tree.Tests/Golden/authentik-proxy-config.yaml");
    }

    [Fact]
    public async Task HelmTemplate_DefaultValues_ProtectsTheSevenServices()
    {
        var blueprint = await RenderAsync();
        var applications = blueprint.Entries.Where(e => e.Text("model") == "authentik_core.application").Select(e => e.Text("identifiers", "slug"));
        applications.ShouldBe(["dashboard", "hubble", "grafana", "prometheus", "alertmanager", "longhorn", "homeassistant"]);

        // Proxied services get an Ingress to the outpost; Grafana logs in with OAuth2 and keeps its own Ingress.
        blueprint.OfKind("Ingress").Select(i => i.Text("metadata", "name")).ShouldBe(["dashboard", "hubble", "prometheus", "alertmanager", "longhorn", "homeassistant"]);
        foreach (var ingress in blueprint.OfKind("Ingress"))
        {
            ingress.Text("spec", "ingressClassName").ShouldBe("nginx-internal");
            ingress.Text("metadata", "annotations", "cert-manager.io/cluster-issuer").ShouldBe("letsencrypt-production");
            var rule = ingress.Items("spec", "rules").Single();
            rule.Text("host").ShouldBe($"{ingress.Text("metadata", "name")}.k8s.example.net");
            rule.Items("http", "paths").Single().Text("backend", "service", "name").ShouldBe("authentik-proxy");
        }

        var outpost = blueprint.Entries.Single(e => e.Text("model") == "authentik_outposts.outpost");
        outpost.Items("attrs", "providers").Select(p => p.Text()).ShouldBe(
            ["provider-dashboard", "provider-hubble", "provider-prometheus", "provider-alertmanager", "provider-longhorn", "provider-homeassistant"]);
    }

    [Fact]
    public async Task HelmTemplate_OneMoreService_AddsExactlyItsEntriesAndIngress()
    {
        var before = await RenderAsync();
        var after = await RenderAsync(ExtraProxyService);

        var added = after.EntryTexts.Except(before.EntryTexts).ToList();
        var removed = before.EntryTexts.Except(after.EntryTexts).ToList();

        // The new service's provider, application, access binding, the outpost account's view access to the provider ...
        added.Count(e => e.Contains("proxyprovider\n    id: provider-zigbee2mqtt\n", StringComparison.Ordinal)).ShouldBe(1);
        added.Count(e => e.Contains("slug: \"zigbee2mqtt\"", StringComparison.Ordinal)).ShouldBe(1);
        added.Count(e => e.Contains("target: !KeyOf application-zigbee2mqtt", StringComparison.Ordinal)).ShouldBe(1);
        added.Count(e => e.Contains("state: created\n    identifiers:\n      name: \"zigbee2mqtt\"", StringComparison.Ordinal)
            && e.Contains("permission: view_proxyprovider", StringComparison.Ordinal)).ShouldBe(1);
        // ... and the outpost, which now also serves it; nothing else changes.
        added.Count.ShouldBe(5, string.Join("\n\n", added));
        removed.Single().ShouldContain("model: authentik_outposts.outpost");
        added.Single(e => e.Contains("authentik_outposts.outpost", StringComparison.Ordinal))
            .ShouldBe(removed.Single().Replace("        - !KeyOf provider-homeassistant\n", "        - !KeyOf provider-homeassistant\n        - !KeyOf provider-zigbee2mqtt\n", StringComparison.Ordinal));

        after.OfKind("Ingress").Select(i => i.Text("metadata", "name")).Except(before.OfKind("Ingress").Select(i => i.Text("metadata", "name")))
            .ShouldBe(["zigbee2mqtt"]);
        after.OfKind("Ingress").Single(i => i.Text("metadata", "name") == "zigbee2mqtt").Items("spec", "rules").Single().Text("host")
            .ShouldBe("zigbee.k8s.example.net");
        after.Objects.Count.ShouldBe(before.Objects.Count + 1);
    }

    [Fact]
    public async Task HelmTemplate_OidcService_ReadsItsClientSecretFrom1Password()
    {
        var blueprint = await RenderAsync();
        var secret = blueprint.OfKind("ExternalSecret").Single();
        secret.Items("spec", "data").Select(d => (d.Text("secretKey"), d.Text("remoteRef", "key"), d.Text("remoteRef", "property"))).ShouldBe(
        [
            ("outpostToken", "Authentik External Outpost Token - home-ops", "token"),
            ("oidc-grafana", "home-ops-grafana-oidc-client-secret", "credential"),
        ]);
        var grafana = blueprint.Entries.Single(e => e.Text("model") == "authentik_providers_oauth2.oauth2provider");
        grafana.Text("attrs", "client_secret").ShouldBe("sample-oidc-grafana");
        grafana.Text("attrs", "client_id").ShouldBe("grafana");
        grafana.Items("attrs", "redirect_uris").Single().Text("url").ShouldBe("https://grafana.k8s.example.net/login/generic_oauth");
    }

    [Fact]
    public async Task HelmTemplate_Outpost_OwnsTheTokenTheDeploymentIsGiven()
    {
        // OutpostBlueprintTests pins the token entry itself; here: the outpost Deployment reads the very item the
        // blueprint sets the key from.
        var blueprint = await RenderAsync();
        blueprint.Entries.Single(e => e.Text("model") == "authentik_core.token").Text("attrs", "key").ShouldBe("sample-outpostToken");
        var tree = await FluxTree.Repository;
        var deploymentToken = tree["authentik-proxy"].Build.Objects.Single(o => o.Kind == "ExternalSecret");
        var chartToken = blueprint.OfKind("ExternalSecret").Single().Items("spec", "data").Single(d => d.Text("secretKey") == "outpostToken");
        deploymentToken.Node.Items("spec", "data").Single().Text("remoteRef", "key").ShouldBe(chartToken.Text("remoteRef", "key"));
        deploymentToken.Node.Items("spec", "data").Single().Text("remoteRef", "property").ShouldBe(chartToken.Text("remoteRef", "property"));
    }

    [Fact]
    public async Task HelmTemplate_RendersNoHooksJobsOrPods()
    {
        var result = await HelmChart.TemplateAsync(Chart, Chart, "authentik", null, Domain);
        result.StandardOutput.ShouldNotContain("helm.sh/hook");
        var kinds = YamlReader.ReadAll(result.StandardOutput, "helm", new Core.Diagnostics.DiagnosticBag()).OfType<YamlMapping>().Select(o => o.Text("kind")).Distinct();
        kinds.Order(StringComparer.Ordinal).ShouldBe(["ExternalSecret", "Ingress"]);
    }

    public static TheoryData<string, string> InvalidServices() => new()
    {
        // services entries (YAML flow mappings), the error helm must print
        { "{name: web, displayName: Web, internalUrl: 'http://web.web.svc:80', externalHost: web, mode: forward, groups: [g]}", "services.0.mode" },
        { "{name: Web App, displayName: Web, internalUrl: 'http://web.web.svc:80', externalHost: web, mode: proxy, groups: [g]}", "services.0.name" },
        { "{name: web, displayName: Web, internalUrl: 'web.web.svc:80', externalHost: web, mode: proxy, groups: [g]}", "services.0.internalUrl" },
        { "{name: web, displayName: Web, internalUrl: 'http://web.web.svc:80', externalHost: web, mode: proxy}", "groups is required" },
        { "{name: web, displayName: Web, internalUrl: 'http://web.web.svc:80', externalHost: web, mode: proxy, groups: [g], colour: red}", "Additional property colour" },
        {
            "{name: web, displayName: Web, internalUrl: 'http://web.web.svc:80', externalHost: web, mode: proxy, groups: [g]}, "
            + "{name: web, displayName: Web 2, internalUrl: 'http://web2.web.svc:80', externalHost: web2, mode: proxy, groups: [g]}",
            "the name \"web\" is used twice"
        },
        {
            "{name: web, displayName: Web, internalUrl: 'http://web.web.svc:80', externalHost: web, mode: proxy, groups: [g], "
            + "oidc: {clientId: web, redirectPath: /cb, clientSecret: {item: i, property: p}}}",
            "oidc settings are only for mode oidc"
        },
        { "{name: web, displayName: Web, internalUrl: 'http://web.web.svc:80', externalHost: web, mode: oidc, groups: [g]}", "mode oidc needs oidc.clientId" },
    };

    [Theory]
    [MemberData(nameof(InvalidServices))]
    public async Task HelmTemplate_InvalidService_IsRefused(string services, string message)
    {
        var result = await HelmChart.TemplateAsync(Chart, Chart, "authentik", $"services: [{services}]", Domain);
        result.ExitCode.ShouldNotBe(0);
        result.StandardError.ShouldContain(message);
    }

    [Fact]
    public async Task HelmTemplate_OutpostUuidNotAUuid_IsRefused()
    {
        var result = await HelmChart.TemplateAsync(Chart, Chart, "authentik", null, Domain, "outpost.uuid=not-a-uuid");
        result.ExitCode.ShouldNotBe(0);
        result.StandardError.ShouldContain("outpost.uuid");
    }

    private static async Task<Blueprint> RenderAsync(string? values = null)
    {
        var result = await HelmChart.TemplateAsync(Chart, Chart, "authentik", values, Domain);
        result.ExitCode.ShouldBe(0, result.StandardError);
        return Blueprint.From(result.StandardOutput);
    }
}
