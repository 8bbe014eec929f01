using HomeOps.Core.ClusterConfig;
using HomeOps.Core.Platform;
using HomeOps.Testing;
using HomeOps.Tree.Tests.Tree;

namespace HomeOps.Tree.Tests;

/// <summary>Cluster-specific values come from cluster-settings; no variable is undefined, unused or dead.</summary>
public sealed class SubstitutionTests
{
    [Fact]
    public async Task ClusterSettings_HoldExactlyTheRenderedVariables()
    {
        var tree = await FluxTree.Repository;
        var config = ClusterConfigLoader.Load(File.ReadAllText(RepositoryPaths.ClusterFile), "cluster.yaml").Config!;
        tree.Settings.OrderBy(s => s.Key, StringComparer.Ordinal).ShouldBe(
            ClusterSettingsVariables.From(config).ToDictionary(v => v.Name, v => v.Value).OrderBy(s => s.Key, StringComparer.Ordinal));
    }

    [Fact]
    public async Task UsedVariables_AreAllDefined()
    {
        var tree = await FluxTree.Repository;
        tree.Kustomizations.SelectMany(k => k.Build.UndefinedVariables.Select(v => $"{k.Name}: ${{{v}}}"))
            .ShouldBeEmpty("kustomize-controller runs with strict substitution: an undefined variable fails the reconcile");
    }

    [Fact]
    public async Task ClusterSettings_AreAllUsed()
    {
        var tree = await FluxTree.Repository;
        var used = tree.Kustomizations.SelectMany(k => k.Build.UsedVariables).ToHashSet(StringComparer.Ordinal);
        tree.Settings.Keys.Where(k => !used.Contains(k)).ShouldBeEmpty("drop settings no manifest uses");
    }

    [Fact]
    public async Task KustomizationsWithPostBuild_UseAVariable()
    {
        var tree = await FluxTree.Repository;
        tree.Kustomizations.Where(k => k.HasPostBuild && k.Build.UsedVariables.Count == 0).Select(k => k.Name)
            .ShouldBeEmpty("remove postBuild where nothing is substituted");
        tree.Kustomizations.Where(k => k.HasPostBuild && !k.SubstitutesClusterSettings).Select(k => k.Name).ShouldBeEmpty();
    }

    [Fact]
    public async Task KustomizationsWithoutPostBuild_ContainNoVariables()
    {
        // Without postBuild, Flux applies ${NAME} literally.
        var tree = await FluxTree.Repository;
        foreach (var kustomization in tree.Kustomizations.Where(k => !k.HasPostBuild && k.Name != "flux-system"))
        {
            var text = string.Join('\n', kustomization.Build.Objects.SelectMany(o => o.Node.Mappings()).SelectMany(m => m.Entries)
                .Select(e => e.Value).OfType<Core.Yaml.YamlScalar>().Select(s => s.Value));
            Substitution.References(text).ShouldBeEmpty(kustomization.Name);
        }
    }
}
