using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using HomeOps.Core.Status;
using HomeOps.Fakes.Kubernetes;
using HomeOps.Operations.Status;
using HomeOps.Runtime.Kubernetes;

/// <summary>
/// `homeops status` over a synthetic cluster of <c>objects</c> objects (default 10,000): the recorded status fixture
/// (14 kinds) copied with numbered names until the count is reached, loaded into the fake API server on 127.0.0.1
/// with FakeSnapshot, each object checked against its CRD. Times StatusService over a fresh snapshot per run (every
/// list request, the JSON decoding, every section) and prints the API requests per run, which must equal the kinds
/// read. The Talos section asks no node here (no talosconfig): its cost is four talosctl calls whatever the size.
/// </summary>
internal static class StatusBench
{
    public static async Task<int> RunAsync(string repository, int runs, int objects)
    {
        var fixture = Path.Combine(repository, "tests", "HomeOps.Cli.Tests", "Fixtures", "Status", "cluster");
        var folder = Directory.CreateTempSubdirectory("homeops-status-bench-").FullName;
        try
        {
            var total = Synthesize(fixture, folder, objects);
            await using var server = await FakeKubeApiServer.StartAsync();
            var load = Stopwatch.StartNew();
            var kinds = FakeSnapshot.Load(server.Store, folder, Path.Combine(repository, "schemas", "crds"), Path.Combine(repository, "tests", "HomeOps.Fakes", "Crds"));
            load.Stop();
            var kubeconfig = FakeKubeconfig.Write(Path.Combine(folder, "kubeconfig"), server.Url.ToString());
            var factory = new KubeClientFactory(TimeProvider.System);
            var service = StatusService.Default();
            var times = new List<double>();
            StatusReport? last = null;
            for (var i = 0; i <= runs; i++)
            {
                using var api = (IDisposable)factory.Create(kubeconfig);
                var snapshot = new ClusterSnapshot((IKubeApi)api);
                var stopwatch = Stopwatch.StartNew();
                last = await service.RunAsync(new StatusContext(snapshot, TimeProvider.System) { TalosconfigMissing = "none (benchmark)" }, CancellationToken.None);
                stopwatch.Stop();
                if (i > 0)
                {
                    times.Add(stopwatch.Elapsed.TotalMilliseconds); // run 0 warms up the JIT
                }
            }

            times.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"status over {total} objects of {kinds.Count} kinds (loaded in {load.Elapsed.TotalSeconds:0.0} s): {last!.ApiRequests} API requests per run for {last.KindsRead.Count} kinds read, {last.ProxyRequests} through the API server's proxy"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{runs} runs: median {times[times.Count / 2]:0} ms, min {times[0]:0} ms, max {times[^1]:0} ms (target: under 2000 ms)"));
            return last.ApiRequests == last.KindsRead.Count ? 0 : 1;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Copies of every fixture object with "-N" names (and dependsOn names), until <paramref name="objects"/> exist.</summary>
    private static int Synthesize(string fixture, string folder, int objects)
    {
        var lists = Directory.GetFiles(fixture, "*.json").Order(StringComparer.Ordinal)
            .Select(f => (Name: Path.GetFileName(f), List: (JsonObject)JsonNode.Parse(File.ReadAllText(f))!)).ToList();
        var output = lists.Select(l => (l.Name, Items: new JsonArray(), l.List)).ToList();
        var total = 0;
        for (var copy = 0; total < objects; copy++)
        {
            foreach (var (_, items, list) in output)
            {
                foreach (var item in ((JsonArray)list["items"]!).OfType<JsonObject>())
                {
                    if (total == objects)
                    {
                        break;
                    }

                    var clone = (JsonObject)item.DeepClone();
                    if (copy > 0)
                    {
                        clone["metadata"]!["name"] = $"{clone["metadata"]!["name"]}-{copy}";
                        foreach (var dependency in (clone["spec"]?["dependsOn"] as JsonArray ?? []).OfType<JsonObject>())
                        {
                            dependency["name"] = $"{dependency["name"]}-{copy}";
                        }
                    }

                    items.Add(clone);
                    total++;
                }
            }
        }

        foreach (var (name, items, list) in output.Where(o => o.Items.Count > 0))
        {
            var copyList = new JsonObject { ["apiVersion"] = list["apiVersion"]!.DeepClone(), ["kind"] = list["kind"]!.DeepClone(), ["items"] = items };
            File.WriteAllText(Path.Combine(folder, name), copyList.ToJsonString());
        }

        return total;
    }
}
