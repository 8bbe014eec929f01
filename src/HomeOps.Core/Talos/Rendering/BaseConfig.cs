using HomeOps.Core.Talos.Documents;

namespace HomeOps.Core.Talos.Rendering;

/// <summary>
/// What `talosctl gen config` emits for Talos v1.10 (version contract 1.10, comments off) for a control-plane or
/// worker node: feature flags, images, Pod Security admission, audit policy, discovery, and where each secret goes.
/// Cluster-specific values already come from cluster.yaml and point at it.
/// </summary>
internal static class BaseConfig
{
    public static DocMap Build(NodeContext c)
    {
        var d = c.Defaults;
        var cluster = c.Config.Cluster;
        var network = c.Config.Network;
        var k8s = c.From(cluster, nameof(cluster.KubernetesVersion));
        var version = c.KubernetesVersion;

        var machine = new DocMap(d)
            .Set("type", c.S(c.IsControlPlane ? "controlplane" : "worker", c.From(c.Node, nameof(c.Node.Role))))
            .Set("token", c.Secret("trustdinfo.token", b => b.TrustdToken))
            .Set("ca", new DocMap(d)
                .Set("crt", c.SecretPem("certs.os.crt", b => b.Certs.Os.Certificate))
                .Set("key", c.IsControlPlane ? c.SecretPem("certs.os.key", b => b.Certs.Os.Key) : c.S(string.Empty, d)))
            .Set("certSANs", new DocList(d))
            .Set("kubelet", new DocMap(d)
                .Set("image", c.S($"ghcr.io/siderolabs/kubelet:{version}", k8s))
                .Set("defaultRuntimeSeccompProfileEnabled", DocScalar.Bool(true, d))
                .Set("disableManifestsDirectory", DocScalar.Bool(true, d)))
            .Set("network", new DocMap(d))
            .Set("install", new DocMap(d)
                .Set("image", c.S($"ghcr.io/siderolabs/installer:{c.TalosVersion}", c.From(cluster, nameof(cluster.TalosVersion))))
                .Set("wipe", DocScalar.Bool(false, d)))
            .Set("features", new DocMap(d)
                .Set("rbac", DocScalar.Bool(true, d))
                .Set("stableHostname", DocScalar.Bool(true, d))
                .Set("apidCheckExtKeyUsage", DocScalar.Bool(true, d))
                .Set("diskQuotaSupport", DocScalar.Bool(true, d))
                .Set("kubePrism", new DocMap(d).Set("enabled", DocScalar.Bool(true, d)).Set("port", DocScalar.Int(7445, d)))
                .Set("hostDNS", new DocMap(d).Set("enabled", DocScalar.Bool(true, d)).Set("forwardKubeDNSToHost", DocScalar.Bool(true, d))));
        if (c.IsControlPlane)
        {
            machine.Set("nodeLabels", new DocMap(d).Set("node.kubernetes.io/exclude-from-external-load-balancers", c.S(string.Empty, d)));
        }

        var clusterNetwork = new DocMap(d)
            .Set("dnsDomain", c.S(cluster.DnsDomain, c.From(cluster, nameof(cluster.DnsDomain))))
            .Set("podSubnets", Strings(c, network.PodNetworks.Select(n => n.ToString()), c.From(network, nameof(network.PodNetworks))))
            .Set("serviceSubnets", Strings(c, network.ServiceNetworks.Select(n => n.ToString()), c.From(network, nameof(network.ServiceNetworks))));
        var clusterMap = new DocMap(d)
            .Set("id", c.Secret("cluster.id", b => b.ClusterId))
            .Set("secret", c.Secret("cluster.secret", b => b.ClusterSecret))
            .Set("controlPlane", new DocMap(d).Set("endpoint", c.S(c.Endpoint, c.From(network, nameof(network.ApiVip)))))
            .Set("clusterName", c.S(cluster.Name, c.From(cluster, nameof(cluster.Name))))
            .Set("network", clusterNetwork)
            .Set("token", c.Secret("secrets.bootstraptoken", b => b.BootstrapToken));
        if (c.IsControlPlane)
        {
            clusterMap
                .Set("secretboxEncryptionSecret", c.Secret("secrets.secretboxencryptionsecret", b => b.SecretboxEncryptionSecret))
                .Set("ca", Pair(c, "certs.k8s", b => b.Certs.K8s))
                .Set("aggregatorCA", Pair(c, "certs.k8saggregator", b => b.Certs.K8sAggregator))
                .Set("serviceAccount", new DocMap(d).Set("key", c.SecretPem("certs.k8sserviceaccount.key", b => b.Certs.K8sServiceAccount.Key)))
                .Set("apiServer", ApiServer(c, k8s))
                .Set("controllerManager", new DocMap(d).Set("image", c.S($"registry.k8s.io/kube-controller-manager:{version}", k8s)))
                .Set("proxy", new DocMap(d).Set("image", c.S($"registry.k8s.io/kube-proxy:{version}", k8s)))
                .Set("scheduler", new DocMap(d).Set("image", c.S($"registry.k8s.io/kube-scheduler:{version}", k8s)));
        }
        else
        {
            clusterMap.Set("ca", new DocMap(d).Set("crt", c.SecretPem("certs.k8s.crt", b => b.Certs.K8s.Certificate)).Set("key", c.S(string.Empty, d)));
        }

        clusterMap.Set("discovery", new DocMap(d)
            .Set("enabled", DocScalar.Bool(true, d))
            .Set("registries", new DocMap(d)
                .Set("kubernetes", new DocMap(d).Set("disabled", DocScalar.Bool(true, d)))
                .Set("service", new DocMap(d))));
        if (c.IsControlPlane)
        {
            clusterMap.Set("etcd", new DocMap(d).Set("ca", Pair(c, "certs.etcd", b => b.Certs.Etcd)));
        }

        return new DocMap(d)
            .Set("version", c.S("v1alpha1", d))
            .Set("debug", DocScalar.Bool(false, d))
            .Set("persist", DocScalar.Bool(true, d))
            .Set("machine", machine)
            .Set("cluster", clusterMap);
    }

    private static DocMap ApiServer(NodeContext c, NodeOrigin k8s)
    {
        var d = c.Defaults;
        var podSecurity = new DocMap(d)
            .Set("apiVersion", c.S("pod-security.admission.config.k8s.io/v1alpha1", d))
            .Set("defaults", new DocMap(d)
                .Set("audit", c.S("restricted", d)).Set("audit-version", c.S("latest", d))
                .Set("enforce", c.S("baseline", d)).Set("enforce-version", c.S("latest", d))
                .Set("warn", c.S("restricted", d)).Set("warn-version", c.S("latest", d)))
            .Set("exemptions", new DocMap(d)
                .Set("namespaces", new DocList(d).Add(c.S("kube-system", d)))
                .Set("runtimeClasses", new DocList(d))
                .Set("usernames", new DocList(d)))
            .Set("kind", c.S("PodSecurityConfiguration", d));
        return new DocMap(d)
            .Set("image", c.S($"registry.k8s.io/kube-apiserver:{c.KubernetesVersion}", k8s))
            .Set("certSANs", new DocList(d).Add(c.S(c.Config.Network.ApiVip.ToString(), c.From(c.Config.Network, nameof(c.Config.Network.ApiVip)))))
            .Set("disablePodSecurityPolicy", DocScalar.Bool(true, d))
            .Set("admissionControl", new DocList(d).Add(new DocMap(d).Set("name", c.S("PodSecurity", d)).Set("configuration", podSecurity)))
            .Set("auditPolicy", new DocMap(d)
                .Set("apiVersion", c.S("audit.k8s.io/v1", d))
                .Set("kind", c.S("Policy", d))
                .Set("rules", new DocList(d).Add(new DocMap(d).Set("level", c.S("Metadata", d)))));
    }

    private static DocMap Pair(NodeContext c, string name, Func<Secrets.TalosSecretsBundle, Secrets.PemPair> pair) =>
        new DocMap(c.Defaults)
            .Set("crt", c.SecretPem(name + ".crt", b => pair(b).Certificate))
            .Set("key", c.SecretPem(name + ".key", b => pair(b).Key));

    public static DocList Strings(NodeContext c, IEnumerable<string> values, NodeOrigin origin)
    {
        var list = new DocList(origin);
        foreach (var value in values)
        {
            list.Add(c.S(value, origin));
        }

        return list;
    }
}
