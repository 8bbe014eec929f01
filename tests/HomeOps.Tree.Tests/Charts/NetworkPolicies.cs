using HomeOps.Core.Yaml;
using HomeOps.Tree.Tests.Tree;

namespace HomeOps.Tree.Tests.Charts;

/// <summary>
/// Whether Kubernetes NetworkPolicies admit a connection to a pod, as the API defines it: a pod that no Ingress
/// policy selects accepts everything; otherwise one rule of one selecting policy must match the peer and the port.
/// Selectors support matchLabels and matchExpressions (In, NotIn, Exists, DoesNotExist); a namespace is matched by
/// its kubernetes.io/metadata.name label. ipBlock peers never match a pod.
/// </summary>
internal static class NetworkPolicies
{
    public sealed record Pod(string Namespace, IReadOnlyDictionary<string, string> Labels);

    public static bool Admits(IEnumerable<YamlMapping> policies, Pod target, Pod source, int port)
    {
        var selecting = policies
            .Where(p => p.Text("kind") == "NetworkPolicy" && (p.Text("metadata", "namespace") ?? target.Namespace) == target.Namespace)
            .Where(p => Matches(p.At("spec", "podSelector"), target.Labels))
            .Where(p => p.Items("spec", "policyTypes").Count == 0 || p.Items("spec", "policyTypes").Any(t => t.Text() == "Ingress"))
            .ToList();
        return selecting.Count == 0 || selecting.Any(p => p.Items("spec", "ingress").Any(rule => Admits(rule, target, source, port)));
    }

    private static bool Admits(YamlNode rule, Pod target, Pod source, int port)
    {
        var ports = rule.Items("ports");
        var portMatches = ports.Count == 0 || ports.Any(p => p.Text("port") == port.ToString(System.Globalization.CultureInfo.InvariantCulture) && (p.Text("protocol") ?? "TCP") == "TCP");
        var from = rule.Items("from");
        var peerMatches = from.Count == 0 || from.Any(peer => peer.At("ipBlock") is null
            && (peer.At("namespaceSelector") is { } ns ? Matches(ns, new Dictionary<string, string> { ["kubernetes.io/metadata.name"] = source.Namespace }) : source.Namespace == target.Namespace)
            && (peer.At("podSelector") is not { } pods || Matches(pods, source.Labels)));
        return portMatches && peerMatches;
    }

    private static bool Matches(YamlNode? selector, IReadOnlyDictionary<string, string> labels)
    {
        var byLabel = selector.Entries("matchLabels").All(e => labels.TryGetValue(e.Key.Value, out var value) && value == e.Value.Text());
        var byExpression = selector.Items("matchExpressions").All(e =>
        {
            var key = e.Text("key")!;
            var values = e.Items("values").Select(v => v.Text()).ToList();
            return e.Text("operator") switch
            {
                "Exists" => labels.ContainsKey(key),
                "DoesNotExist" => !labels.ContainsKey(key),
                "In" => labels.TryGetValue(key, out var v) && values.Contains(v),
                "NotIn" => !labels.TryGetValue(key, out var w) || !values.Contains(w),
                _ => false,
            };
        });
        return byLabel && byExpression;
    }

    /// <summary>The labels of the pods a workload (Deployment, DaemonSet, StatefulSet) creates.</summary>
    public static IReadOnlyDictionary<string, string> PodLabels(YamlMapping workload) =>
        workload.Entries("spec", "template", "metadata", "labels").ToDictionary(e => e.Key.Value, e => e.Value.Text() ?? string.Empty, StringComparer.Ordinal);
}
