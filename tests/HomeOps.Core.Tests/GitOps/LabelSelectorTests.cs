using HomeOps.Core.Diagnostics;
using HomeOps.Core.GitOps.Rules;
using HomeOps.Core.Yaml;

namespace HomeOps.Core.Tests.GitOps;

/// <summary>
/// Kubernetes label selectors as Cilium applies them to pools and BGP advertisements: matching one label set, and
/// whether two selectors can match the same label set (a pool's Services and an advertisement's).
/// </summary>
public sealed class LabelSelectorTests
{
    private static YamlNode? Selector(string? yaml) => yaml is null ? null : YamlReader.ReadSingle(yaml, "selector", new DiagnosticBag());

    private static readonly Dictionary<string, string> s_mqtt = new(StringComparer.Ordinal) { ["pool"] = "bgp-default", ["tier"] = "iot" };

    [Theory]
    [InlineData(null, true)]
    [InlineData("{}", true)]
    [InlineData("matchLabels: {pool: bgp-default}", true)]
    [InlineData("matchLabels: {pool: bgp-ingress}", false)]
    [InlineData("matchExpressions: [{key: pool, operator: In, values: [bgp-default, bgp-ingress]}]", true)]
    [InlineData("matchExpressions: [{key: pool, operator: NotIn, values: [bgp-default]}]", false)]
    [InlineData("matchExpressions: [{key: internal, operator: DoesNotExist}]", true)]
    [InlineData("matchExpressions: [{key: tier, operator: Exists}]", true)]
    [InlineData("{matchLabels: {pool: bgp-default}, matchExpressions: [{key: tier, operator: NotIn, values: [iot]}]}", false)]
    [InlineData("matchExpressions: [{key: pool, operator: Gt, values: [bgp]}]", false)]
    public void Matches_Selector_AsKubernetesDoes(string? selector, bool matches) =>
        LabelSelector.Matches(Selector(selector), s_mqtt).ShouldBe(matches);

    [Theory]
    [InlineData(null, "matchLabels: {pool: bgp-default}", true)]
    [InlineData("matchLabels: {pool: bgp-default}", "matchExpressions: [{key: pool, operator: In, values: [bgp-default, bgp-ingress]}]", true)]
    [InlineData("matchLabels: {pool: bgp-default}", "matchLabels: {pool: bgp-ingress}", false)]
    [InlineData("matchExpressions: [{key: pool, operator: In, values: [a, b]}]", "matchExpressions: [{key: pool, operator: NotIn, values: [a, b]}]", false)]
    [InlineData("matchExpressions: [{key: pool, operator: In, values: [a, b]}]", "matchExpressions: [{key: pool, operator: NotIn, values: [a]}]", true)]
    [InlineData("matchLabels: {pool: a}", "matchExpressions: [{key: pool, operator: DoesNotExist}]", false)]
    [InlineData("matchExpressions: [{key: internal, operator: Exists}]", "matchExpressions: [{key: internal, operator: DoesNotExist}]", false)]
    [InlineData("matchLabels: {pool: a}", "matchExpressions: [{key: internal, operator: DoesNotExist}]", true)]
    [InlineData("matchExpressions: [{key: pool, operator: NotIn, values: [a]}]", "matchExpressions: [{key: pool, operator: DoesNotExist}]", true)]
    public void Intersects_TwoSelectors_TrueWhenSomeLabelSetMatchesBoth(string? a, string? b, bool intersects)
    {
        LabelSelector.Intersects(Selector(a), Selector(b)).ShouldBe(intersects);
        LabelSelector.Intersects(Selector(b), Selector(a)).ShouldBe(intersects);
    }
}
