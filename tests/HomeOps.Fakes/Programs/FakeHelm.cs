using System.Text;
using System.Text.Json.Nodes;
using HomeOps.Fakes.Kubernetes;

namespace HomeOps.Fakes.Programs;

/// <summary>
/// helm 3 against the fake API server's store: `version`, `status -o json`, `template --include-crds` (the CRDs
/// registered for a chart in <see cref="ChartCrds"/>) and `upgrade --install`, which records the release as helm
/// does (a Secret sh.helm.release.v1.NAME.vN labelled owner=helm) and runs the chart's modelled effects
/// (<see cref="OnInstalled"/>). Fails like helm when the cluster is unreachable. `history`, `rollback` and
/// `uninstall` are modelled in FakeHelm.History.cs. Does not model: rendering chart
/// templates, values schema validation, hooks, chart repositories (any --repo is accepted).
/// </summary>
public sealed partial class FakeHelm(FakeKubeApiServer api) : IFakeProgram
{
    public string Name => "helm";

    public string Version { get; set; } = "v3.17.2+gcc0bbbd";

    /// <summary>(namespace, release) → (chart, version, revision, values).</summary>
    public Dictionary<(string Ns, string Release), (string Chart, string Version, int Revision, string Values)> Releases { get; } = [];

    public Dictionary<string, List<JsonObject>> ChartCrds { get; } = new(StringComparer.Ordinal);

    /// <summary>Chart name → error text: the next install of that chart fails with it (once).</summary>
    public Dictionary<string, string> FailNextInstall { get; } = new(StringComparer.Ordinal);

    public Action<string, string, string>? OnInstalled { get; set; }

    public FakeResult Run(IReadOnlyList<string> a, string? stdin)
    {
        var args = a.ToList();
        var ns = Option(args, "--namespace") ?? "default";
        switch (args)
        {
            case ["version", ..]:
                return FakeResult.Ok(Version + "\n");
            case ["status", var release, ..]:
                if (!api.IsUp)
                {
                    return Unreachable(args);
                }

                return Releases.TryGetValue((ns, release), out var r)
                    ? FakeResult.Ok(new JsonObject
                    {
                        ["name"] = release,
                        ["namespace"] = ns,
                        ["version"] = r.Revision,
                        ["info"] = new JsonObject { ["status"] = "deployed" },
                        ["chart"] = new JsonObject { ["metadata"] = new JsonObject { ["name"] = ChartName(r.Chart), ["version"] = r.Version } },
                    }.ToJsonString() + "\n")
                    : FakeResult.Error("Error: release: not found\n");
            case ["template", var release, var chart, ..]:
                var yaml = new StringBuilder();
                foreach (var crd in ChartCrds.GetValueOrDefault(ChartName(chart)) ?? [])
                {
                    yaml.Append("---\n# Source: ").Append(ChartName(chart)).Append("/crds/crd.yaml\n").Append(crd.ToJsonString()).Append('\n');
                }

                yaml.Append("---\n# Source: ").Append(ChartName(chart)).Append("/templates/configmap.yaml\n")
                    .Append($"{{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{{\"name\":\"{release}\",\"namespace\":\"{ns}\"}}}}\n");
                return FakeResult.Ok(yaml.ToString());
            case ["history" or "rollback" or "uninstall", ..]:
                return ReleaseHistory(args, ns);
            case ["upgrade", "--install", var release, var chart, ..]:
                return Install(args, release, chart, ns, stdin);
            default:
                return FakeResult.Error($"Error: unknown command \"{string.Join(' ', args)}\" for \"helm\"\n");
        }
    }

    private FakeResult Install(List<string> args, string release, string chart, string ns, string? values)
    {
        if (!api.IsUp)
        {
            return Unreachable(args);
        }

        if (FailNextInstall.Remove(ChartName(chart), out var error))
        {
            return FakeResult.Error($"Error: UPGRADE FAILED: {error}\n");
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

        var revision = Releases.TryGetValue((ns, release), out var old) ? old.Revision + 1 : 1;
        var version = Option(args, "--version") ?? "0.0.0";
        Releases[(ns, release)] = (chart, version, revision, values ?? string.Empty);
        store.Create(store.Type("", "v1", "secrets")!, ns, new JsonObject
        {
            ["metadata"] = new JsonObject
            {
                ["name"] = $"sh.helm.release.v1.{release}.v{revision}",
                ["namespace"] = ns,
                ["labels"] = new JsonObject { ["owner"] = "helm", ["name"] = release, ["status"] = "deployed", ["version"] = revision.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            },
            ["type"] = "helm.sh/release.v1",
            ["data"] = new JsonObject { ["release"] = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{chart}@{version}")) },
        });
        var created = new List<string>();
        foreach (var crd in ChartCrds.GetValueOrDefault(ChartName(chart)) ?? [])
        {
            if (store.Get(FakeResourceType.Crd, null, FakeKubeStore.NameOf(crd)) is null)
            {
                store.Create(FakeResourceType.Crd, null, crd);
                created.Add(FakeKubeStore.NameOf(crd));
            }
        }

        // helm waits up to 60 s for the CRDs it created to be Established (pkg/action/install.go installCRDs, pkg/kube/ready.go crdReady).
        var deadline = Environment.TickCount64 + 60_000;
        while (!store.AreEstablished(created) && Environment.TickCount64 < deadline)
        {
            Thread.Sleep(10);
        }

        OnInstalled?.Invoke(ChartName(chart), release, ns);
        return FakeResult.Ok($"Release \"{release}\" has been upgraded. Happy Helming!\nNAME: {release}\nNAMESPACE: {ns}\nSTATUS: deployed\nREVISION: {revision}\n");
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
