using System.Xml.Linq;
using HomeOps.Testing;

namespace HomeOps.Core.Tests.Architecture;

/// <summary>The layers of docs/architecture.md: Core ← Runtime ← Operations ← Cli/Mcp, read from the project files.</summary>
public sealed class LayerTests
{
    private static readonly Dictionary<string, string[]> s_layers = new(StringComparer.Ordinal)
    {
        ["HomeOps.Core"] = [],
        ["HomeOps.Runtime"] = ["HomeOps.Core"],
        ["HomeOps.Operations"] = ["HomeOps.Core", "HomeOps.Runtime"],
        // The CLI hosts `homeops mcp`, so it composes the MCP server; Mcp itself sees only Operations.
        ["HomeOps.Cli"] = ["HomeOps.Mcp", "HomeOps.Operations"],
        ["HomeOps.Mcp"] = ["HomeOps.Operations"],
    };

    [Theory]
    [InlineData("HomeOps.Core")]
    [InlineData("HomeOps.Runtime")]
    [InlineData("HomeOps.Operations")]
    [InlineData("HomeOps.Cli")]
    [InlineData("HomeOps.Mcp")]
    public void ProjectReferences_OnlyTheLayersBelow(string project)
    {
        var allowed = s_layers[project];
        var file = RepositoryPaths.Combine("src", project, project + ".csproj");
        var references = XDocument.Load(file).Descendants("ProjectReference")
            .Select(r => Path.GetFileNameWithoutExtension(r.Attribute("Include")!.Value))
            .Order(StringComparer.Ordinal);

        references.ShouldBe(allowed);
    }

    [Fact]
    public void EverySourceProject_IsALayer()
    {
        var projects = Directory.EnumerateDirectories(RepositoryPaths.Combine("src")).Select(Path.GetFileName)
            .Where(p => File.Exists(RepositoryPaths.Combine("src", p!, p + ".csproj")));

        projects.ShouldBeSubsetOf(s_layers.Keys);
    }

    [Theory]
    [InlineData("HomeOps.Core", "T:System.IO.File;")]
    [InlineData("HomeOps.Operations", "T:System.IO.File;")]
    [InlineData("HomeOps.Operations", "T:System.IO.Directory;")]
    [InlineData("HomeOps.Operations", "T:HomeOps.Runtime.Processes.ProcessCommandRunner;")]
    [InlineData("HomeOps.Cli", "T:HomeOps.Runtime.Files.PhysicalFileSystem;")]
    [InlineData("HomeOps.Mcp", "T:System.Console;")]
    [InlineData("HomeOps.Mcp", "T:HomeOps.Runtime.Processes.ProcessCommandRunner;")]
    public void BannedSymbols_KeepTheEdges(string project, string line) =>
        File.ReadAllLines(RepositoryPaths.Combine("src", project, "BannedSymbols.txt")).ShouldContain(l => l.StartsWith(line, StringComparison.Ordinal));
}
