using System.Diagnostics;
using System.Globalization;
using HomeOps.Core.Diagnostics;
using HomeOps.Fakes;
using HomeOps.Operations;
using HomeOps.Operations.Bootstrap;
using HomeOps.Runtime.Files;
using HomeOps.Runtime.Kubernetes;
using HomeOps.Runtime.Processes;

// A full `homeops bootstrap` against fakes that answer instantly (in-process programs, the fake API server on
// 127.0.0.1 with no latency), in a fresh repository each time. The figure is the engine's own time: everything
// from loading cluster.yaml to Flux in control, including its HTTP round trips to the local fake API server.
if (args is ["status", var statusRepository, ..])
{
    // benchmarks/status.sh: HomeOps.Bench status <repository root> [runs] [objects]
    return await StatusBench.RunAsync(statusRepository, args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 10,
        args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 10_000);
}

var repository = args.Length > 0 ? args[0] : throw new ArgumentException("usage: HomeOps.Bench <repository root> [runs] | HomeOps.Bench status <repository root> [runs] [objects]");
var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10;
// One real bundle, generated outside the timing (an RSA-4096 key), stored in the fake 1Password of every run.
var bundle = HomeOps.Core.Talos.Secrets.SecretsBundleYaml.Write(
    new HomeOps.Core.Talos.Secrets.SecretsBundleGenerator(HomeOps.Runtime.Crypto.SystemRandomSource.Instance, TimeProvider.System).Generate());
var times = new List<double>();
for (var i = 0; i <= runs; i++)
{
    var root = Directory.CreateTempSubdirectory("homeops-bench-").FullName;
    try
    {
        File.Copy(Path.Combine(repository, "cluster.yaml"), Path.Combine(root, "cluster.yaml"));
        File.Copy(Path.Combine(repository, ".gitignore"), Path.Combine(root, ".gitignore"));
        File.Copy(Path.Combine(repository, ".homeops.yaml"), Path.Combine(root, ".homeops.yaml"));
        // The repository's own tree, as an operator's clone has it.
        foreach (var folder in new[] { "clusters", "infrastructure", "apps", "charts", "schemas", Path.Combine("talos", "patches") })
        {
            var (from, to) = (Path.Combine(repository, folder), Path.Combine(root, folder));
            foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
            {
                var target = Path.Combine(to, Path.GetRelativePath(from, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }
        }

        // What the operator runs first (outside the timing): `homeops render` writes the files derived from cluster.yaml.
        var rendered = Workspace.Locate(PhysicalFileSystem.Instance, root, null);
        HomeOps.Operations.Platform.PlatformFilesService.Write(rendered, HomeOps.Operations.Platform.PlatformFilesService.Plan(rendered, HomeOps.Operations.Config.ClusterConfigService.Load(rendered)));

        await using var cluster = await FakeCluster.StartAsync([("mini01", "172.29.51.11"), ("mini02", "172.29.51.12"), ("mini03", "172.29.51.13")], "172.29.51.10");
        cluster.SeedConnectItems("Automation", "home-ops");
        cluster.SeedTalosSecrets("Automation", "home-ops", bundle);
        var environment = new BootstrapEnvironment(cluster.Runner, new KubeClientFactory(TimeProvider.System, cluster.Rewrite), TimeProvider.System, new Silent()) { CheckRunner = ProcessCommandRunner.Instance };
        var workspace = Workspace.Locate(PhysicalFileSystem.Instance, root, null);
        var stopwatch = Stopwatch.StartNew();
        var diagnostics = await BootstrapService.RunAsync(workspace, environment, new BootstrapOptions(), CancellationToken.None);
        stopwatch.Stop();
        if (diagnostics.Count > 0)
        {
            Console.Error.WriteLine(string.Join("\n", diagnostics));
            return 1;
        }

        if (i > 0)
        {
            times.Add(stopwatch.Elapsed.TotalMilliseconds); // run 0 warms up the JIT
        }
    }
    finally
    {
        Directory.Delete(root, recursive: true);
    }
}

times.Sort();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"bootstrap against instant fakes, {runs} runs: median {times[times.Count / 2]:0} ms, min {times[0]:0} ms, max {times[^1]:0} ms (target: under 2000 ms)"));
return 0;

internal sealed class Silent : IBootstrapProgress
{
    public void StepStarted(string step, string description)
    {
    }

    public void StepSkipped(string step, string reason)
    {
    }

    public void StepFinished(string step, TimeSpan duration)
    {
    }

    public void StepFailed(string step, TimeSpan duration, IReadOnlyList<Diagnostic> diagnostics)
    {
    }

    public void Detail(string step, string message)
    {
    }
}
