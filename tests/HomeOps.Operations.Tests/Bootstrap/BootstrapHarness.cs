using HomeOps.Core.Diagnostics;
using HomeOps.Fakes;
using HomeOps.Operations.Bootstrap;
using HomeOps.Operations.Config;
using HomeOps.Operations.Render;
using HomeOps.Runtime.Files;
using HomeOps.Runtime.Kubernetes;
using HomeOps.Testing;

namespace HomeOps.Operations.Tests.Bootstrap;

/// <summary>A temporary repository (the bundled cluster.yaml, a small complete fixture tree and the files rendered from them) and a fake cluster to bootstrap.</summary>
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

    /// <param name="seedTalosSecrets">Put the fixed test bundle in 1Password (generating one costs an RSA-4096 key).</param>
    public static async Task<BootstrapHarness> StartAsync(bool seedTalosSecrets = true)
    {
        var root = Directory.CreateTempSubdirectory("homeops-bootstrap-").FullName;
        File.Copy(RepositoryPaths.ClusterFile, Path.Combine(root, "cluster.yaml"));
        // What a clone has: the bootstrap writes talosconfig and kubeconfig into folders .gitignore excludes.
        File.Copy(RepositoryPaths.Combine(".gitignore"), Path.Combine(root, ".gitignore"));
        CopyTree(RepositoryPaths.Combine("tests", "HomeOps.Operations.Tests", "Fixtures", "tree"), root);
        CopyTree(RepositoryPaths.Combine("talos", "patches"), Path.Combine(root, "talos", "patches"));
        RenderGeneratedFiles(root);

        var cluster = await FakeCluster.StartAsync([("mini01", "172.29.51.11"), ("mini02", "172.29.51.12"), ("mini03", "172.29.51.13")], "172.29.51.10");
        cluster.SeedConnectItems("Automation", "home-ops");
        if (seedTalosSecrets)
        {
            cluster.SeedTalosSecrets("Automation", "home-ops", TestSecrets.Yaml);
        }

        return new BootstrapHarness(root, cluster);
    }

    /// <summary>What an operator runs before a bootstrap: `homeops render` writes the files derived from cluster.yaml.</summary>
    private static void RenderGeneratedFiles(string root)
    {
        var workspace = Workspace.Locate(PhysicalFileSystem.Instance, root, null);
        var plan = RenderService.Plan(workspace, ClusterConfigService.Load(workspace));
        plan.Diagnostics.Where(d => d.IsError).ShouldBeEmpty();
        RenderService.Write(workspace, plan);
    }

    /// <summary>Copies every file under <paramref name="from"/> into <paramref name="to"/>.</summary>
    public static void CopyTree(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public BootstrapEnvironment Environment => new(Cluster.Runner,
        new KubeClientFactory(TimeProvider.System, Cluster.Rewrite, KubeRetries, TimeSpan.FromMilliseconds(10)), TimeProvider.System, Progress)
    {
        Random = new SeededRandomSource("bootstrap-harness"),
        CheckRunner = HomeOps.Runtime.Processes.ProcessCommandRunner.Instance,
    };

    public Task<IReadOnlyList<Diagnostic>> RunAsync(BootstrapOptions? options = null, Func<BootstrapStep, BootstrapStep>? wrap = null) =>
        BootstrapService.RunAsync(Workspace, Environment, options ?? Options, wrap, TestContext.Current.CancellationToken);

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
