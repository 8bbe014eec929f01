using System.Text;
using System.Text.Json.Nodes;
using HomeOps.Fakes.Kubernetes;

namespace HomeOps.Fakes.Programs;

/// <summary>
/// helm 3 against the fake API server's store: `version`, `status -o json`, `template` (the real chart, rendered by
/// helm: FakeHelm.Charts.cs) and `upgrade --install`, which records the release as helm does (a Secret
/// sh.helm.release.v1.NAME.vN per revision, pending until done), creates the rendered CRDs and workloads, and waits
/// as --wait does (FakeHelm.Wait.cs). Fails like helm when the cluster is unreachable, for an unknown chart or
/// version, and while another operation is pending. `history`, `rollback` and `uninstall` are in FakeHelm.History.cs.
/// Does not model: hooks, values schema validation beyond helm's own, --atomic, chart repositories over the network.
/// </summary>
public sealed partial class FakeHelm(FakeKubeApiServer api) : IFakeProgram
{
    public string Name => "helm";

    public string Version { get; set; } = "v3.17.2+gcc0bbbd";

    /// <summary>(namespace, release) → (chart, version, revision, values).</summary>
    public Dictionary<(string Ns, string Release), (string Chart, string Version, int Revision, string Values)> Releases { get; } = [];

    /// <summary>Chart name → error text: the next install of that chart fails with it (once).</summary>
    public Dictionary<string, string> FailNextInstall { get; } = new(StringComparer.Ordinal);

    /// <summary>Command (its first word: "history", "uninstall", ...) → error text: the next run of it fails with that (once).</summary>
    public Dictionary<string, string> FailNextCommand { get; } = new(StringComparer.Ordinal);

    public Action<string, string, string>? OnInstalled { get; set; }

    public FakeResult Run(IReadOnlyList<string> a, string? stdin) => Run(a, stdin, CancellationToken.None);

    public FakeResult Run(IReadOnlyList<string> a, string? stdin, CancellationToken cancellationToken)
    {
        var args = a.ToList();
        var ns = Option(args, "--namespace") ?? "default";
        if (args.Count > 0 && FailNextCommand.Remove(args[0], out var failure))
        {
            return FakeResult.Error(failure);
        }

        switch (args)
        {
            case ["version", ..]:
                return FakeResult.Ok(Version + "\n");
            case ["status", var release, ..]:
                if (!api.IsUp)
                {
                    return Unreachable(args);
                }

                return Releases.TryGetValue((ns, release), out var r) && HistoryOf(ns, release) is [.., var last]
                    ? FakeResult.Ok(new JsonObject
                    {
                        ["name"] = release,
                        ["namespace"] = ns,
                        ["version"] = last.Number,
                        ["info"] = new JsonObject { ["status"] = last.Status, ["description"] = last.Description },
                        ["chart"] = new JsonObject { ["metadata"] = new JsonObject { ["name"] = ChartName(r.Chart), ["version"] = r.Version } },
                    }.ToJsonString() + "\n")
                    : FakeResult.Error("Error: release: not found\n");
            case ["template", var release, var chart, ..]:
                var template = Render(release, chart, Option(args, "--repo"), Option(args, "--version"), ns, stdin);
                if (template.Error is not null)
                {
                    return FakeResult.Error(template.Error);
                }

                // What helm prints, one document per object (JSON is YAML); --include-crds keeps the CRDs.
                var yaml = new StringBuilder();
                foreach (var o in template.Objects.Where(o => args.Contains("--include-crds") || o["kind"]?.GetValue<string>() != "CustomResourceDefinition"))
                {
                    yaml.Append("---\n").Append(o.ToJsonString()).Append('\n');
                }

                return FakeResult.Ok(yaml.ToString());
            case ["history" or "rollback" or "uninstall", ..]:
                return ReleaseHistory(args, ns);
            case ["upgrade", "--install", var release, var chart, ..]:
                return Install(args, release, chart, ns, stdin, cancellationToken);
            default:
                return FakeResult.Error($"Error: unknown command \"{string.Join(' ', args)}\" for \"helm\"\n");
        }
    }

    private FakeResult Install(List<string> args, string release, string chart, string ns, string? values, CancellationToken cancellationToken)
    {
        if (!api.IsUp)
        {
            return Unreachable(args);
        }

        // cmd/helm/upgrade.go: a release with no revision (or only uninstalled ones) is installed; any other is upgraded,
        // and pkg/action/upgrade.go prepareUpgrade refuses one whose last revision is pending (errPending).
        var history = HistoryOf(ns, release);
        var upgrade = history.Count > 0;
        if (upgrade && history[^1].Status.StartsWith("pending-", StringComparison.Ordinal))
        {
            return FakeResult.Error("Error: UPGRADE FAILED: another operation (install/upgrade/rollback) is in progress\n");
        }

        if (FailNextInstall.Remove(ChartName(chart), out var error))
        {
            return FakeResult.Error($"Error: UPGRADE FAILED: {error}\n");
        }

        var version = Option(args, "--version");
        var rendered = Render(release, chart, Option(args, "--repo"), version, ns, values);
        if (rendered.Error is not null)
        {
            return FakeResult.Error(upgrade && !rendered.Error.Contains("not found", StringComparison.Ordinal) ? rendered.Error.Replace("Error: ", "Error: UPGRADE FAILED: ", StringComparison.Ordinal) : rendered.Error);
        }

        var store = api.Store;
        var namespaces = store.Type("", "v1", "namespaces")!;
        if (store.Get(namespaces, null, ns) is null)
        {
            if (!args.Contains("--create-namespace"))
            {
                return FakeResult.Error($"Error: INSTALLATION FAILED: create: failed to create: namespaces \"{ns}\" not found\n");
            }

            store.Create(namespaces, null, new JsonObject { ["metadata"] = new JsonObject { ["name"] = ns } });
        }

        // pkg/kube/client.go Create: an object in a namespace that does not exist fails the install before anything is stored.
        if (rendered.Objects.Select(o => o["metadata"]?["namespace"]?.GetValue<string>()).OfType<string>()
            .FirstOrDefault(n => store.Get(namespaces, null, n) is null && !rendered.Objects.Any(o => o["kind"]?.GetValue<string>() == "Namespace" && FakeKubeStore.NameOf(o) == n)) is { } absent)
        {
            return FakeResult.Error($"Error: {(upgrade ? "UPGRADE FAILED: " : string.Empty)}failed to create resource: namespaces \"{absent}\" not found\n");
        }

        // pkg/action/install.go: the release is stored "pending-install" ("Initial install underway") before anything
        // is created; upgrade.go stores "pending-upgrade" ("Preparing upgrade"). A process killed from here on leaves it so.
        var chartId = $"{ChartName(chart)}-{version ?? "0.0.0"}";
        var revision = Record(ns, release, upgrade ? "pending-upgrade" : "pending-install", chartId, upgrade ? "Preparing upgrade" : "Initial install underway");
        Releases[(ns, release)] = (chart, version ?? "0.0.0", revision.Number, values ?? string.Empty);
        CreateCrds(rendered.Objects);
        _installStarted = Environment.TickCount64;
        var workloads = CreateWorkloads(rendered.Objects, ns);
        OnInstalled?.Invoke(ChartName(chart), release, ns);
        if (args.Contains("--wait") && WaitForWorkloads(workloads, rendered.Objects, ns, Timeout(args), cancellationToken) is { } notReady)
        {
            // install.go/upgrade.go failRelease: the revision is marked failed with the wait's error; upgrade.go wraps it.
            SetStatus(ns, release, revision.Number, "failed", upgrade ? $"Upgrade \"{release}\" failed: context deadline exceeded" : $"Release \"{release}\" failed: context deadline exceeded");
            LastWaitProblem = notReady;
            return FakeResult.Error(upgrade ? "Error: UPGRADE FAILED: context deadline exceeded\n" : "Error: context deadline exceeded\n");
        }

        SetStatus(ns, release, revision.Number, "deployed", upgrade ? "Upgrade complete" : "Install complete");
        return FakeResult.Ok($"Release \"{release}\" has been upgraded. Happy Helming!\nNAME: {release}\nNAMESPACE: {ns}\nSTATUS: deployed\nREVISION: {revision.Number}\n");
    }

    /// <summary>
    /// The chart's CRDs (crds/ and templated ones alike), created when missing as helm's install does (pkg/action/install.go
    /// installCRDs), then waited for until Established, up to 60 s (pkg/kube/ready.go crdReady).
    /// </summary>
    private void CreateCrds(IReadOnlyList<JsonObject> rendered)
    {
        var store = api.Store;
        var created = new List<string>();
        foreach (var crd in rendered.Where(o => o["kind"]?.GetValue<string>() == "CustomResourceDefinition"))
        {
            if (store.Get(FakeResourceType.Crd, null, FakeKubeStore.NameOf(crd)) is null)
            {
                store.Create(FakeResourceType.Crd, null, (JsonObject)crd.DeepClone());
                created.Add(FakeKubeStore.NameOf(crd));
            }
        }

        var deadline = Environment.TickCount64 + 60_000;
        while (!store.AreEstablished(created) && Environment.TickCount64 < deadline)
        {
            Thread.Sleep(10);
        }
    }

    /// <summary>--timeout as helm reads it (a Go duration such as 600s or 10m); helm's default is 5m.</summary>
    private static TimeSpan Timeout(List<string> args)
    {
        var text = Option(args, "--timeout") ?? "5m";
        var number = double.Parse(text.TrimEnd('s', 'm', 'h'), System.Globalization.CultureInfo.InvariantCulture);
        return text[^1] switch { 'h' => TimeSpan.FromHours(number), 'm' => TimeSpan.FromMinutes(number), _ => TimeSpan.FromSeconds(number) };
    }

    private static FakeResult Unreachable(List<string> args) =>
        FakeResult.Error($"Error: Kubernetes cluster unreachable: Get \"{Option(args, "--kube-apiserver") ?? "https://127.0.0.1:6443"}/version\": dial tcp: connect: connection refused\n");

    /// <summary>"cilium" for "cilium", "oci://ghcr.io/x/charts/flux-operator" → "flux-operator".</summary>
    public static string ChartName(string chart) => chart.Split('/')[^1];

    private static string? Option(List<string> args, string name)
    {
        var at = args.IndexOf(name);
        return at >= 0 && at + 1 < args.Count ? args[at + 1] : null;
    }
}
