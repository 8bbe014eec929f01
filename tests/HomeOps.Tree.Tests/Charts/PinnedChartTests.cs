using HomeOps.Core.Yaml;
using HomeOps.Tree.Tests.Tree;

namespace HomeOps.Tree.Tests.Charts;

/// <summary>What the real charts at the pinned versions install, with the tree's values and post-renderers.</summary>
public sealed class PinnedChartTests
{
    [Fact]
    public async Task Longhorn_PrometheusMayScrapeTheManager()
    {
        var tree = await FluxTree.Repository;
        var release = tree["longhorn"].Build.Objects.Single(o => o.Kind == "HelmRelease");
        var rendered = await PinnedChart.RenderAsync(release);
        var manager = rendered.Single(o => o.Text("kind") == "DaemonSet" && o.Text("metadata", "name") == "longhorn-manager");
        var port = manager.Items("spec", "template", "spec", "containers").SelectMany(c => c.Items("ports")).Single(p => p.Text("name") == "manager").Text("containerPort");
        var monitor = tree.Objects.Single(o => o.Kind == "PodMonitor" && o.Name == "longhorn-manager");
        monitor.Node.Items("spec", "podMetricsEndpoints").Single().Text("port").ShouldBe("manager");
        var policies = rendered.Concat(tree.Objects.Where(o => o.Namespace == "longhorn-system").Select(o => o.Node)).ToList();
        // The chart restricts the manager to Longhorn's own pods: without the tree's policy Prometheus is shut out.
        policies.ShouldContain(p => p.Text("kind") == "NetworkPolicy" && p.Text("metadata", "name") == "longhorn-manager");

        var target = new NetworkPolicies.Pod("longhorn-system", NetworkPolicies.PodLabels(manager));
        var prometheus = new NetworkPolicies.Pod("monitoring", new Dictionary<string, string> { ["app.kubernetes.io/name"] = "prometheus", ["prometheus"] = "kube-prometheus-stack-prometheus" });
        var grafana = new NetworkPolicies.Pod("monitoring", new Dictionary<string, string> { ["app.kubernetes.io/name"] = "grafana" });

        NetworkPolicies.Admits(policies, target, prometheus, int.Parse(port!, System.Globalization.CultureInfo.InvariantCulture)).ShouldBeTrue();
        NetworkPolicies.Admits(rendered, target, prometheus, 9500).ShouldBeFalse("the chart alone blocks the scrape (the reason for the tree's policy)");
        NetworkPolicies.Admits(policies, target, grafana, 9500).ShouldBeFalse();
        NetworkPolicies.Admits(policies, target, prometheus, 9501).ShouldBeFalse();
    }

    [Fact]
    public async Task MatterServer_NoBluetoothAndNoHostDbusOnTalos()
    {
        var tree = await FluxTree.Repository;
        var release = tree["matter-server"].Build.Objects.Single(o => o.Kind == "HelmRelease");
        var rendered = await PinnedChart.RenderAsync(release);
        var statefulSet = rendered.Single(o => o.Text("kind") == "StatefulSet");
        var container = statefulSet.Items("spec", "template", "spec", "containers").Single();
        var args = container.Items("args").Select(a => a.Text()).ToList();

        args.ShouldNotContain("--bluetooth-adapter");
        args.ShouldContain("--primary-interface");
        args[args.IndexOf("--primary-interface") + 1].ShouldBe("enp3s0f0");
        statefulSet.Items("spec", "template", "spec", "volumes").ShouldNotContain(v => v.At("hostPath") != null);
        container.Items("volumeMounts").Select(m => m.Text("mountPath")).ShouldNotContain("/run/dbus");
        container.Text("securityContext", "privileged").ShouldBe("false");
        container.Items("securityContext", "capabilities", "add").Select(c => c.Text()).ShouldBe(["NET_ADMIN", "NET_RAW"]);
    }
}
