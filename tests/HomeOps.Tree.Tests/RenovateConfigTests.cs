using System.Text.Json;
using System.Text.RegularExpressions;
using HomeOps.Testing;
using HomeOps.Tree.Tests.Tree;

namespace HomeOps.Tree.Tests;

/// <summary>Every version sits where Renovate sees it, and the workstation and hook files pin what the seed lists.</summary>
public sealed class RenovateConfigTests
{
    private static JsonElement Config => JsonDocument.Parse(File.ReadAllText(RepositoryPaths.Combine(".renovaterc.json"))).RootElement;

    /// <summary>Renovate writes file patterns as "/regex/"; the body is a JavaScript regex .NET reads the same way.</summary>
    private static Regex FilePattern(string pattern) =>
        new(pattern.StartsWith('/') && pattern.EndsWith('/') ? pattern[1..^1] : "^" + Regex.Escape(pattern).Replace("\\*\\*/", "(.*/)?", StringComparison.Ordinal).Replace("\\*", "[^/]*", StringComparison.Ordinal) + "$");

    private static bool Covered(string manager, string relativePath) =>
        Config.GetProperty(manager).GetProperty("managerFilePatterns").EnumerateArray().Any(p => FilePattern(p.GetString()!).IsMatch(relativePath));

    private static IEnumerable<(string Description, Regex Files, Regex Match)> CustomManagers() =>
        Config.GetProperty("customManagers").EnumerateArray().SelectMany(m => m.GetProperty("matchStrings").EnumerateArray().Select(s => (
            m.GetProperty("description").GetString()!,
            FilePattern(m.GetProperty("managerFilePatterns")[0].GetString()!),
            new Regex(s.GetString()!, RegexOptions.Multiline))));

    private static IEnumerable<(string Dependency, string Version)> CustomDependencies(string relativePath)
    {
        var text = File.ReadAllText(RepositoryPaths.Combine(relativePath));
        return CustomManagers().Where(m => m.Files.IsMatch(relativePath))
            .SelectMany(m => m.Match.Matches(text).Select(x => (x.Groups["depName"].Success ? x.Groups["depName"].Value : m.Description, x.Groups["currentValue"].Value)));
    }

    [Fact]
    public void CustomManagers_FindTheTalosAndKubernetesVersionsInClusterYaml()
    {
        var found = CustomDependencies("cluster.yaml").Select(d => d.Version).ToList();
        found.ShouldBe(["v1.10.5", "v1.31.1"], ignoreOrder: true);
    }

    [Fact]
    public void CustomManagers_FindEveryRenovateComment()
    {
        var annotated = TreeFiles.YamlFiles().Select(TreeFiles.Relative)
            .Select(f => (f, count: File.ReadAllLines(RepositoryPaths.Combine(f)).Count(l => l.TrimStart().StartsWith("# renovate:", StringComparison.Ordinal))))
            .Where(x => x.count > 0)
            .ToList();
        annotated.ShouldNotBeEmpty();
        foreach (var (file, count) in annotated)
        {
            CustomDependencies(file).Count().ShouldBe(count, file);
        }

        CustomDependencies("infrastructure/flux-instance/fluxinstance.yaml").ShouldContain(("fluxcd/flux2", "2.4.0"));
    }

    [Fact]
    public void CustomManagers_FindThePostgreSqlImageOfTheCluster()
    {
        // CloudNativePG's spec.imageName is not an image: key, so the kubernetes manager would miss it.
        CustomDependencies("infrastructure/postgresql-cluster/postgresql-cluster.yaml").ShouldBe([("ghcr.io/cloudnative-pg/postgresql", "16.4")]);
    }

    [Fact]
    public async Task Managers_CoverEveryFileWithAVersion()
    {
        var tree = await FluxTree.Repository;
        var files = TreeFiles.YamlFiles().Select(TreeFiles.Relative).Where(f => f.StartsWith("infrastructure/", StringComparison.Ordinal) || f.StartsWith("apps/", StringComparison.Ordinal)).ToList();
        var releases = files.Where(f => File.ReadAllText(RepositoryPaths.Combine(f)).Contains("kind: HelmRelease", StringComparison.Ordinal)).ToList();
        releases.ShouldNotBeEmpty();
        releases.Where(f => !Covered("flux", f) || !Covered("helm-values", f)).ShouldBeEmpty();
        var workloads = files.Where(f => File.ReadAllText(RepositoryPaths.Combine(f)).Contains("image:", StringComparison.Ordinal)).ToList();
        workloads.Where(f => !Covered("kubernetes", f)).ShouldBeEmpty();
        tree.Objects.Where(o => o.Kind == "HelmRepository").ShouldAllBe(o => Covered("flux", "infrastructure/sources/" + o.Name + ".yaml"));
    }

    [Fact]
    public void Mise_PinsTheSeedsToolList()
    {
        var text = File.ReadAllText(RepositoryPaths.Combine(".mise.toml"));
        string[] tools = ["dotnet", "go-task/task", "siderolabs/talos", "kubectl", "fluxcd/flux2", "helm", "kustomize", "cilium/cilium-cli",
            "mikefarah/yq", "jqlang/jq", "1password/cli", "pre-commit"];
        foreach (var tool in tools)
        {
            text.ShouldMatch($@"(?m)^""?(aqua:)?{Regex.Escape(tool)}""? = ""\d+\.\d+\.\d+""$", tool);
        }

        text.ShouldNotMatch(@"(?m)^[^#]*talhelper", "homeops replaces talhelper");
    }

    [Fact]
    public void PreCommit_RunsTheLocalHooks()
    {
        var text = File.ReadAllText(RepositoryPaths.Combine(".pre-commit-config.yaml"));
        text.ShouldContain("- repo: local");
        Regex.Matches(text, @"(?m)^\s*- repo: ").Count.ShouldBe(1, "remote hook repositories need the network");
        // The seed's hooks; gitleaks is not packaged by any registry reachable here, secretlint stands in for it.
        foreach (var hook in new[] { "homeops-check", "yamllint", "shellcheck", "markdownlint", "secretlint", "detect-secrets", "prettier" })
        {
            text.ShouldContain($"- id: {hook}");
        }
    }
}
