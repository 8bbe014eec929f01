using HomeOps.Core.Diagnostics;
using HomeOps.Core.Yaml;
using HomeOps.Runtime.Processes;
using HomeOps.Runtime.Tools;
using HomeOps.Testing;
using HomeOps.Tree.Tests.Charts;
using HomeOps.Tree.Tests.Tree;

namespace HomeOps.Tree.Tests;

/// <summary>
/// Home Assistant on the rendered tree: its UI behind the Authentik outpost, the companion apps' API, token endpoint
/// and WebSocket straight to Home Assistant (its own authentication), and a network policy that admits exactly the
/// outpost and the internal ingress controller.
/// </summary>
public sealed class HomeAssistantAccessTests
{
    [Fact]
    public async Task Routes_AppPathsGoToHomeAssistant_EverythingElseToTheOutpost()
    {
        var tree = await FluxTree.Repository;
        var direct = tree["home-assistant"].Build.Objects.Where(o => o.Kind == "Ingress").ToList();
        var api = direct.ShouldHaveSingleItem();
        var host = api.Node.Items("spec", "rules").ShouldHaveSingleItem().Text("host")!;
        host.ShouldBe($"homeassistant.{tree.Settings["DOMAIN_INTERNAL"]}");
        Paths(api).ShouldBe([("/api", "Prefix", "home-assistant", "http"), ("/auth/token", "Exact", "home-assistant", "http")]);
        api.Node.Items("spec", "tls").ShouldHaveSingleItem().Items("hosts").Select(h => h.Text()).ShouldBe([host]);

        // The chart's Ingress for the same host sends "/" (the UI, its login page included) to the outpost; nginx
        // takes the longest matching path, so /api and /auth/token never reach the outpost.
        var release = tree["authentik-proxy-config"].Build.Objects.Single(o => o.Kind == "HelmRelease");
        var chart = await HelmChart.TemplateAsync("authentik-proxy-config", "authentik-proxy-config", "authentik", null, $"domain={release.Node.Text("spec", "values", "domain")}");
        chart.ExitCode.ShouldBe(0, chart.StandardError);
        var ui = Documents(chart.StandardOutput).Single(o => o.Text("kind") == "Ingress" && o.Text("metadata", "name") == "homeassistant");
        ui.Items("spec", "rules").Single().Text("host").ShouldBe(host);
        ui.Items("spec", "rules").Single().Items("http", "paths").Select(p => (p.Text("path"), p.Text("backend", "service", "name")))
            .ShouldBe([("/", "authentik-proxy")]);
        ui.Text("spec", "ingressClassName").ShouldBe(api.Node.Text("spec", "ingressClassName"));

        // No other route reaches Home Assistant, and the outpost lets nothing of it through without a login.
        tree.Objects.Where(o => o.Kind == "Ingress" && o.Id != api.Id)
            .SelectMany(Paths).ShouldNotContain(p => p.Service == "home-assistant");
        var provider = Blueprint.From(chart.StandardOutput).Entries
            .Single(e => e.Text("model") == "authentik_providers_proxy.proxyprovider" && e.Text("identifiers", "name") == "homeassistant" && e.Text("state") is null);
        provider.Text("attrs", "skip_path_regex").ShouldBe(string.Empty);

        // The named port is Home Assistant's 8123, the one the network policy opens.
        var service = tree["home-assistant"].Build.Objects.Single(o => o.Kind == "Service");
        var port = service.Node.Items("spec", "ports").Single(p => p.Text("name") == "http");
        var deployment = tree["home-assistant"].Build.Objects.Single(o => o.Kind == "Deployment");
        deployment.Node.Items("spec", "template", "spec", "containers").SelectMany(c => c.Items("ports"))
            .Single(p => p.Text("name") == port.Text("targetPort")).Text("containerPort").ShouldBe("8123");
    }

    [Fact]
    public async Task NetworkPolicy_AdmitsTheOutpostAndTheInternalIngressControllerOnly()
    {
        var reference = RepositoryPaths.SharedReference;
        Assert.SkipWhen(reference is null, "../shared/reference is not next to this checkout: the ingress controller's pod labels come from its real chart");
        var tree = await FluxTree.Repository;
        var policy = tree["home-automation"].Build.Objects.Single(o => o.Kind == "CiliumNetworkPolicy" && o.Name == "home-assistant");
        var rules = policy.Node.Items("spec", "ingress");
        rules.ShouldHaveSingleItem().Items("toPorts").Single().Items("ports").Select(p => (p.Text("port"), p.Text("protocol"))).ShouldBe([("8123", "TCP")]);
        rules.Single().At("fromEntities").ShouldBeNull();
        rules.Single().At("fromCIDR").ShouldBeNull();
        var selectors = rules.Single().Items("fromEndpoints");
        selectors.Count.ShouldBe(2);

        var outpost = tree["authentik-proxy"].Build.Objects.Single(o => o.Kind == "Deployment");
        var internalPods = await ControllerPodsAsync(tree, "ingress-nginx-internal", reference!);
        var publicPods = await ControllerPodsAsync(tree, "ingress-nginx-public", reference!);
        Matches(selectors[0], PodLabels(outpost.Node, outpost.Namespace!)).ShouldBeTrue();
        Matches(selectors[1], internalPods).ShouldBeTrue();
        selectors.ShouldAllBe(s => !Matches(s, publicPods), "the public ingress controller has no route to Home Assistant");
    }

    private static IEnumerable<(string? Path, string? PathType, string? Service, string? Port)> Paths(TreeObject ingress) =>
        ingress.Node.Items("spec", "rules").SelectMany(r => r.Items("http", "paths"))
            .Select(p => (p.Text("path"), p.Text("pathType"), p.Text("backend", "service", "name"), p.Text("backend", "service", "port", "name")));

    /// <summary>The controller pods of an ingress-nginx HelmRelease, rendered from the real chart with the release's values.</summary>
    private static async Task<Dictionary<string, string>> ControllerPodsAsync(FluxTree tree, string releaseName, string reference)
    {
        var release = tree.Objects.Single(o => o.Kind == "HelmRelease" && o.Name == releaseName);
        var version = release.Node.Text("spec", "chart", "spec", "version");
        var chart = Path.Combine(reference, "charts", $"ingress-nginx-{version}.tgz");
        File.Exists(chart).ShouldBeTrue($"{chart}: the chart mirror has no ingress-nginx {version}");
        var request = new HelmTemplateRequest(releaseName, chart, release.Namespace!) { ValuesYaml = YamlWriter.Write(release.Node.At("spec", "values")!) };
        var result = await new Helm(ProcessCommandRunner.Instance).TemplateAsync(request, TestContext.Current.CancellationToken);
        result.ExitCode.ShouldBe(0, result.StandardError);
        var controller = Documents(result.StandardOutput).Single(o => o.Text("kind") is "Deployment" or "DaemonSet");
        return PodLabels(controller, release.Namespace!);
    }

    private static Dictionary<string, string> PodLabels(YamlNode workload, string ns)
    {
        var labels = workload.Entries("spec", "template", "metadata", "labels").ToDictionary(e => e.Key.Value, e => e.Value.Text() ?? string.Empty, StringComparer.Ordinal);
        labels["k8s:io.kubernetes.pod.namespace"] = ns;
        return labels;
    }

    private static bool Matches(YamlNode selector, Dictionary<string, string> labels) =>
        selector.Entries("matchLabels").All(e => labels.GetValueOrDefault(e.Key.Value) == e.Value.Text()) && selector.At("matchExpressions") is null;

    private static List<YamlMapping> Documents(string text) =>
        [.. YamlReader.ReadAll(text, "helm-template", new DiagnosticBag()).OfType<YamlMapping>()];
}
