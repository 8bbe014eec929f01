using HomeOps.Core.Diagnostics;
using HomeOps.Fakes;
using HomeOps.Fakes.Programs;
using HomeOps.Operations.Bootstrap;
using HomeOps.Operations.Config;
using HomeOps.Operations.Platform;
using HomeOps.Runtime.Files;
using HomeOps.Runtime.Kubernetes;
using HomeOps.Testing;

namespace HomeOps.Operations.Tests.Bootstrap;

/// <summary>A temporary repository (a cluster.yaml, the repository's own tree and the files rendered from them) and a fake cluster to bootstrap.</summary>
internal sealed class BootstrapHarness : IAsyncDisposable
{
    private BootstrapHarness(string root, FakeCluster cluster)
    {
        Root = root;
        Cluster = cluster;
        Workspace = Workspace.Locate(PhysicalFileSystem.Instance, root, null);
        Paths = BootstrapPaths.For(Workspace, "home-ops");
    }

    public string Root { get; }

    public FakeCluster Cluster { get; }

    public Workspace Workspace { get; }

    public BootstrapPaths Paths { get; }

    public RecordingProgress Progress { get; } = new();

    public BootstrapOptions Options { get; set; } = new() { WaitTimeout = TimeSpan.FromSeconds(10), PollDelay = TimeSpan.FromMilliseconds(5), MaxPollDelay = TimeSpan.FromMilliseconds(50) };

    public int KubeRetries { get; set; } = 3;

    /// <summary>The cluster.yaml fixtures the end-to-end tests run: 1, 3 (the bundled file) and 5 nodes.</summary>
    public static TheoryData<string> ClusterFixtures() => ["one-node", "bundled", "five-nodes"];

    /// <param name="clusterFixture">"bundled" (the repository's cluster.yaml) or the name of a file in Fixtures/Clusters.</param>
    /// <param name="seedTalosSecrets">Put the fixed test bundle in 1Password (generating one costs an RSA-4096 key).</param>
    /// <param name="editTree">Changes the copied repository before `homeops render` (bad-input tests).</param>
    public static async Task<BootstrapHarness> StartAsync(bool seedTalosSecrets = true, string clusterFixture = "bundled", Action<string>? editTree = null)
    {
        Assert.SkipWhen(FakeHelm.RenderUnavailable is not null, FakeHelm.RenderUnavailable ?? string.Empty);
        var root = RepositoryCopy.Create(ClusterFile(clusterFixture), "homeops-bootstrap-");
        // The fork exists where the unedited cluster.yaml says (URL and branch) and holds this copy's tree: an edit
        // that points gitops elsewhere points Flux at a repository, branch or path that does not exist.
        var gitops = ClusterConfigService.Load(Workspace.Locate(PhysicalFileSystem.Instance, root, null)).Config!.GitOps;
        editTree?.Invoke(root);
        var cluster = RenderGeneratedFiles(root);

        var fake = await FakeCluster.StartAsync(cluster.Nodes.Select(n => (n.Name, n.Address.ToString())), cluster.Network.ApiVip.ToString());
        fake.ServeRepository(gitops.Repository, gitops.Branch, root);
        fake.SeedConnectItems("Automation", "home-ops");
        if (seedTalosSecrets)
        {
            fake.SeedTalosSecrets("Automation", "home-ops", TestSecrets.Yaml);
        }

        return new BootstrapHarness(root, fake);
    }

    public static string? ClusterFile(string fixture) =>
        fixture == "bundled" ? null : RepositoryPaths.Combine("tests", "HomeOps.Operations.Tests", "Fixtures", "Clusters", fixture + ".yaml");

    /// <summary>What an operator runs before a bootstrap: `homeops render` writes the files derived from cluster.yaml.</summary>
    public static Core.ClusterConfig.ClusterDefinition RenderGeneratedFiles(string root)
    {
        var workspace = Workspace.Locate(PhysicalFileSystem.Instance, root, null);
        var config = ClusterConfigService.Load(workspace);
        var plan = PlatformFilesService.Plan(workspace, config);
        plan.Diagnostics.Where(d => d.IsError).ShouldBeEmpty();
        PlatformFilesService.Write(workspace, plan);
        return config.Config!;
    }

    public BootstrapEnvironment Environment => new(Cluster.Runner,
        new KubeClientFactory(TimeProvider.System, Cluster.Rewrite, KubeRetries, TimeSpan.FromMilliseconds(10)), TimeProvider.System, Progress)
    {
        Random = new SeededRandomSource("bootstrap-harness"),
        CheckRunner = HomeOps.Runtime.Processes.ProcessCommandRunner.Instance,
    };

    public Task<IReadOnlyList<Diagnostic>> RunAsync(BootstrapOptions? options = null, Func<BootstrapStep, BootstrapStep>? wrap = null, CancellationToken? cancellationToken = null) =>
        BootstrapService.RunAsync(Workspace, Environment, options ?? Options, wrap, cancellationToken ?? TestContext.Current.CancellationToken);

    /// <summary>Changes one text in a file of the copied repository (the text must be there exactly once).</summary>
    public static void Edit(string root, string file, string find, string replace)
    {
        var path = Path.Combine(root, file);
        var text = File.ReadAllText(path);
        text.Split(find).Length.ShouldBe(2, $"'{find}' must occur once in {file}");
        File.WriteAllText(path, text.Replace(find, replace, StringComparison.Ordinal));
    }

    public BootstrapState State => BootstrapState.Load(PhysicalFileSystem.Instance, Paths.StateFile, "home-ops");

    /// <summary>The recorded commands with the temporary folder replaced, for golden files.</summary>
    public string Commands() => string.Join("\n", Cluster.Runner.Calls.Select(c => c.Replace(Root, "<repo>", StringComparison.Ordinal))) + "\n";

    public async ValueTask DisposeAsync()
    {
        await Cluster.DisposeAsync();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
