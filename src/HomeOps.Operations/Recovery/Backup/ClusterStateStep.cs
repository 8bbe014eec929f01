using System.Text.Json;
using System.Text.Json.Nodes;
using HomeOps.Operations.Bootstrap;
using HomeOps.Runtime.Kubernetes;

namespace HomeOps.Operations.Recovery.Backup;

/// <summary>
/// Exports what a rebuild needs to see how the cluster stood: every Flux source, Kustomization and HelmRelease
/// (metadata, spec, suspended or not, Ready and the revision applied), and whether the two bootstrap Secrets exist,
/// with the names of their keys. Never a Secret's value: those live in 1Password and come back with the bootstrap.
/// </summary>
public sealed class ClusterStateStep(BackupRun run, IReadOnlyList<(string Namespace, string Name)> bootstrapSecrets) : BootstrapStep
{
    public const string StepName = "cluster-state";

    private static readonly JsonSerializerOptions s_indented = new() { WriteIndented = true };

    private static readonly (string Key, KubeResource Resource)[] s_kinds =
    [
        ("gitRepositories", KubeResource.GitRepositories),
        ("ociRepositories", RecoveryResources.OciRepositories),
        ("helmRepositories", RecoveryResources.HelmRepositories),
        ("kustomizations", KubeResource.Kustomizations),
        ("helmReleases", KubeResource.HelmReleases),
    ];

    public override string Name => StepName;

    public override string Description => "export the Flux objects and the bootstrap Secrets' presence (never their values)";

    private string File => run.PathOf(BackupRun.StateFile);

    public override Task<bool> IsDoneAsync(BootstrapContext context, CancellationToken cancellationToken) => Task.FromResult(context.Files.FileExists(File));

    public override async Task RunAsync(BootstrapContext context, CancellationToken cancellationToken)
    {
        var flux = new JsonObject();
        foreach (var (key, resource) in s_kinds)
        {
            var items = await ListServedAsync(context, resource, cancellationToken).ConfigureAwait(false);
            flux[key] = new JsonArray([.. items.OrderBy(Waits.Key, StringComparer.Ordinal).Select(o => (JsonNode)Export(o))]);
            context.Detail($"{items.Count} {resource.Plural}");
        }

        var secrets = new JsonArray();
        foreach (var (ns, name) in bootstrapSecrets)
        {
            var secret = await context.Kube.GetAsync(KubeResource.Secrets, ns, name, cancellationToken).ConfigureAwait(false);
            secrets.Add(new JsonObject
            {
                ["namespace"] = ns,
                ["name"] = name,
                ["present"] = secret is not null,
                ["keys"] = new JsonArray([.. (secret?["data"] as JsonObject ?? []).Select(p => (JsonNode)JsonValue.Create(p.Key)).OfType<JsonNode>()]),
            });
            context.Detail($"Secret {ns}/{name}: {(secret is null ? "missing" : "present")} (value not exported)");
        }

        var state = new JsonObject
        {
            ["cluster"] = context.Cluster.Cluster.Name,
            ["exportedAt"] = context.Time.GetUtcNow().ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            ["flux"] = flux,
            ["bootstrapSecrets"] = secrets,
        };
        context.Files.WriteAllTextAtomic(File, state.ToJsonString(s_indented) + "\n", UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    /// <summary>Lists a kind; an empty list when the cluster does not serve it (no OCIRepository CRD, say).</summary>
    private static async Task<IReadOnlyList<JsonObject>> ListServedAsync(BootstrapContext context, KubeResource resource, CancellationToken cancellationToken)
    {
        try
        {
            return (await context.Kube.ListAsync(resource, null, cancellationToken).ConfigureAwait(false)).Items;
        }
        catch (KubeApiException e) when (e.StatusCode == 404)
        {
            return [];
        }
    }

    /// <summary>The object as it can be applied again, plus what its status said (Ready, the revision applied).</summary>
    public static JsonObject Export(JsonObject live)
    {
        var metadata = live["metadata"] as JsonObject ?? [];
        var annotations = metadata["annotations"] is JsonObject a
            ? new JsonObject([.. a.Where(p => p.Key != "kubectl.kubernetes.io/last-applied-configuration").Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone()))])
            : null;
        var ready = (live["status"]?["conditions"] as JsonArray)?.OfType<JsonObject>().FirstOrDefault(c => c["type"]?.GetValue<string>() == "Ready");
        var exported = new JsonObject
        {
            ["apiVersion"] = live["apiVersion"]?.DeepClone(),
            ["kind"] = live["kind"]?.DeepClone(),
            ["metadata"] = new JsonObject
            {
                ["name"] = metadata["name"]?.DeepClone(),
                ["namespace"] = metadata["namespace"]?.DeepClone(),
                ["labels"] = metadata["labels"]?.DeepClone(),
                ["annotations"] = annotations is { Count: > 0 } ? annotations : null,
            },
            ["spec"] = live["spec"]?.DeepClone(),
            ["observed"] = new JsonObject
            {
                ["ready"] = ready?["status"]?.GetValue<string>() ?? "Unknown",
                ["reason"] = ready?["reason"]?.DeepClone(),
                ["revision"] = (live["status"]?["lastAppliedRevision"] ?? live["status"]?["artifact"]?["revision"])?.DeepClone(),
            },
        };
        return exported;
    }

    public override IEnumerable<string> Plan(BootstrapContext context) =>
    [
        $"list {string.Join(", ", s_kinds.Select(k => k.Resource.ToString()))} → {context.Workspace.Display(File)}",
        .. bootstrapSecrets.Select(s => $"get Secret {s.Namespace}/{s.Name}: record present or missing and its key names (never the values)"),
    ];
}
