using System.Text.Json.Nodes;
using HomeOps.Fakes.Kubernetes;

namespace HomeOps.Fakes.Controllers;

/// <summary>
/// What CloudNativePG 1.27.1 does that a node drain meets. Its PodDisruptionBudgets
/// (internal/controller/cluster_create.go:113-140, pkg/specs/poddisruptionbudget.go:31-89): "NAME-primary",
/// minAvailable 1 over the pod labelled cnpg.io/instanceRole=primary, and, from three instances up, "NAME",
/// minAvailable instances−2 over the replicas; none with spec.enablePDB false; during a node maintenance window
/// (spec.nodeMaintenanceWindow.inProgress, with reusePVC, true by default: api/v1/cluster_funcs.go:779-809) no replica
/// budget, and no primary budget either for a one-instance cluster. Both are owned by the Cluster and follow its
/// spec. And an instance pod that was evicted or deleted while its Cluster exists comes back under the same name,
/// to reattach its PVC (cluster_create.go:1310-1441, ensureInstancesAreCreated and findInstancePodToCreate), unbound,
/// with the Cluster's generated pod anti-affinity (pkg/specs/pods.go:350-447: the instances of the cluster per
/// topologyKey, kubernetes.io/hostname by default, "required" or "preferred", the default from
/// api/v1/cluster_defaults.go:83-84), so the scheduler decides where it runs: with "required" on three nodes it
/// stays Pending until its own node is schedulable again.
/// </summary>
public sealed partial class CnpgController
{
    private const string InstanceRoleLabel = "cnpg.io/instanceRole";

    private static void ReconcileBudgets(FakeKubeStore store, JsonObject cluster)
    {
        var ns = FakeKubeStore.NamespaceOf(cluster);
        var name = FakeKubeStore.NameOf(cluster);
        var spec = cluster["spec"];
        var instances = Math.Max(1, JsonNumbers.Int(spec?["instances"]) ?? 1);
        var enabled = spec?["enablePDB"]?.GetValue<bool>() ?? true;
        var maintenance = spec?["nodeMaintenanceWindow"]?["inProgress"]?.GetValue<bool>() == true
            && (spec?["nodeMaintenanceWindow"]?["reusePVC"]?.GetValue<bool>() ?? true);
        var primary = enabled && !(maintenance && instances == 1) ? 1 : (int?)null;
        var replicas = enabled && !maintenance && instances >= 3 ? instances - 2 : (int?)null;
        Budget(store, cluster, ns, name + "-primary", "primary", primary);
        Budget(store, cluster, ns, name, "replica", replicas);
    }

    /// <summary>createOrPatchOwnedPodDisruptionBudget, or the delete when the budget should not exist (null).</summary>
    private static void Budget(FakeKubeStore store, JsonObject cluster, string ns, string name, string role, int? minAvailable)
    {
        var budgets = store.Type("policy", "v1", "poddisruptionbudgets")!;
        var existing = store.Get(budgets, ns, name);
        if (minAvailable is not { } min)
        {
            if (existing is not null)
            {
                store.Delete(budgets, ns, name);
            }

            return;
        }

        var spec = new JsonObject
        {
            ["selector"] = new JsonObject
            {
                ["matchLabels"] = new JsonObject { [ClusterLabel] = FakeKubeStore.NameOf(cluster), [InstanceRoleLabel] = role },
            },
            ["minAvailable"] = min,
        };
        if (existing is null)
        {
            store.Create(budgets, ns, new JsonObject
            {
                ["apiVersion"] = "policy/v1",
                ["kind"] = "PodDisruptionBudget",
                ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = ns, ["ownerReferences"] = new JsonArray(OwnerReference(cluster)) },
                ["spec"] = spec,
            });
        }
        else if (!JsonNode.DeepEquals(existing["spec"], spec))
        {
            store.Mutate(budgets, ns, name, b => b["spec"] = spec);
        }
    }

    /// <summary>The instance pod comes back under its name when its Cluster still lists it (and still exists).</summary>
    private static void RecreateInstance(FakeKubeStore store, FakeResourceType clusters, JsonObject deleted)
    {
        var ns = FakeKubeStore.NamespaceOf(deleted);
        var name = FakeKubeStore.NameOf(deleted);
        var cluster = store.Get(clusters, ns, deleted["metadata"]?["labels"]?[ClusterLabel]?.GetValue<string>() ?? string.Empty);
        var pods = store.Type("", "v1", "pods")!;
        if (cluster is null || cluster["metadata"]?["deletionTimestamp"] is not null || store.Get(pods, ns, name) is not null
            || (cluster["status"]?["instanceNames"] as JsonArray)?.Any(n => n?.GetValue<string>() == name) != true)
        {
            return;
        }

        var role = cluster["status"]?["currentPrimary"]?.GetValue<string>() == name ? "primary" : "replica";
        store.Create(pods, ns, InstancePod(cluster, name, role, null));
    }

    private static JsonObject InstancePod(JsonObject cluster, string pod, string role, string? node) => new()
    {
        ["metadata"] = new JsonObject
        {
            ["name"] = pod,
            ["namespace"] = FakeKubeStore.NamespaceOf(cluster),
            ["labels"] = new JsonObject
            {
                [ClusterLabel] = FakeKubeStore.NameOf(cluster),
                ["cnpg.io/instanceName"] = pod,
                ["cnpg.io/podRole"] = "instance",
                [InstanceRoleLabel] = role,
                ["role"] = role,
            },
            ["ownerReferences"] = new JsonArray(OwnerReference(cluster)),
        },
        ["spec"] = WithoutNulls(new JsonObject
        {
            ["nodeName"] = node,
            ["hostname"] = pod,
            ["affinity"] = Affinity(cluster),
            ["containers"] = new JsonArray(new JsonObject { ["name"] = "postgres", ["image"] = cluster["spec"]?["imageName"]?.DeepClone() ?? "ghcr.io/cloudnative-pg/postgresql:16.4" }),
        }),
    };

    private static JsonObject OwnerReference(JsonObject cluster) => new()
    {
        ["apiVersion"] = "postgresql.cnpg.io/v1",
        ["kind"] = "Cluster",
        ["name"] = FakeKubeStore.NameOf(cluster),
        ["uid"] = cluster["metadata"]?["uid"]?.DeepClone(),
        ["controller"] = true,
    };

    /// <summary>CreateGeneratedAntiAffinity: null when spec.affinity.enablePodAntiAffinity is false.</summary>
    private static JsonObject? Affinity(JsonObject cluster)
    {
        var config = cluster["spec"]?["affinity"];
        if (config?["enablePodAntiAffinity"]?.GetValue<bool>() == false)
        {
            return null;
        }

        var term = new JsonObject
        {
            ["labelSelector"] = new JsonObject
            {
                ["matchExpressions"] = new JsonArray(
                    new JsonObject { ["key"] = ClusterLabel, ["operator"] = "In", ["values"] = new JsonArray(FakeKubeStore.NameOf(cluster)) },
                    new JsonObject { ["key"] = "cnpg.io/podRole", ["operator"] = "In", ["values"] = new JsonArray("instance") }),
            },
            ["topologyKey"] = config?["topologyKey"]?.GetValue<string>() is { Length: > 0 } key ? key : "kubernetes.io/hostname",
        };
        var antiAffinity = config?["podAntiAffinityType"]?.GetValue<string>() switch
        {
            "required" => new JsonObject { ["requiredDuringSchedulingIgnoredDuringExecution"] = new JsonArray(term) },
            "preferred" or null or "" => new JsonObject
            {
                ["preferredDuringSchedulingIgnoredDuringExecution"] = new JsonArray(new JsonObject { ["weight"] = 100, ["podAffinityTerm"] = term }),
            },
            _ => null,
        };
        return antiAffinity is null ? null : new JsonObject { ["podAntiAffinity"] = antiAffinity };
    }
}
