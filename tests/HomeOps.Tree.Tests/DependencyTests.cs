using HomeOps.Core.Graph;
using HomeOps.Tree.Tests.Tree;

namespace HomeOps.Tree.Tests;

/// <summary>dependsOn states every real ordering: a CRD's provider before its users, the store before ExternalSecrets, ...</summary>
public sealed class DependencyTests
{
    /// <summary>API group → the Flux Kustomization whose chart serves its CRDs.</summary>
    private static readonly Dictionary<string, string> s_crdProviders = new(StringComparer.Ordinal)
    {
        ["cilium.io"] = "cilium",
        ["external-secrets.io"] = "external-secrets",
        ["cert-manager.io"] = "cert-manager",
        ["longhorn.io"] = "longhorn",
        ["snapshot.storage.k8s.io"] = "snapshot-controller",
        ["fluxcd.controlplane.io"] = "flux-operator",
        ["monitoring.coreos.com"] = "kube-prometheus-stack",
        ["postgresql.cnpg.io"] = "cnpg-operator",
        ["barmancloud.cnpg.io"] = "cnpg-barman-plugin",
    };

    [Fact]
    public async Task DependsOn_NamesExistingKustomizations_WithoutCycles()
    {
        var tree = await FluxTree.Repository;
        var names = tree.Kustomizations.Select(k => k.Name).ToHashSet(StringComparer.Ordinal);
        tree.Kustomizations.SelectMany(k => k.DependsOn.Where(d => !names.Contains(d)).Select(d => $"{k.Name} → {d}")).ShouldBeEmpty();
        tree.DependencyGraph().FindCycle().ShouldBeNull();
    }

    [Fact]
    public async Task CustomResources_ComeFromAnAncestorKustomization()
    {
        var tree = await FluxTree.Repository;
        var graph = tree.DependencyGraph();
        var problems = tree.Objects
            .Where(o => s_crdProviders.ContainsKey(o.Group))
            .Where(o => !graph.Ancestors(o.Kustomization).Contains(s_crdProviders[o.Group]))
            .Select(o => $"{o}: its CRD comes from '{s_crdProviders[o.Group]}', which it does not depend on");
        problems.ShouldBeEmpty();
    }

    [Fact]
    public async Task ExternalSecrets_UseTheOneStore_AndDependOnIt()
    {
        var tree = await FluxTree.Repository;
        var graph = tree.DependencyGraph();
        var store = tree["secret-store"].Build.Objects.Single(o => o.Kind == "ClusterSecretStore");
        var secrets = tree.Objects.Where(o => o.Kind == "ExternalSecret").ToList();
        secrets.ShouldNotBeEmpty();
        foreach (var secret in secrets)
        {
            secret.Node.Text("spec", "secretStoreRef", "kind").ShouldBe("ClusterSecretStore", secret.ToString());
            secret.Node.Text("spec", "secretStoreRef", "name").ShouldBe(store.Name, secret.ToString());
            graph.Ancestors(secret.Kustomization).ShouldContain("secret-store", secret.ToString());
        }
    }

    [Fact]
    public async Task HelmReleases_UseRepositoriesFromSources_AndDependOnThem()
    {
        var tree = await FluxTree.Repository;
        var graph = tree.DependencyGraph();
        var repositories = tree["sources"].Build.Objects.Where(o => o.Kind == "HelmRepository").Select(o => $"{o.Namespace}/{o.Name}").ToHashSet();
        foreach (var release in tree.Objects.Where(o => o.Kind == "HelmRelease" && o.Node.At("spec", "chart") is not null))
        {
            var source = release.Node.At("spec", "chart", "spec", "sourceRef");
            if (source.Text("kind") != "HelmRepository")
            {
                continue;
            }

            repositories.ShouldContain($"{source.Text("namespace") ?? release.Namespace}/{source.Text("name")}", release.ToString());
            graph.Ancestors(release.Kustomization).ShouldContain("sources", release.ToString());
        }
    }

    [Fact]
    public async Task Ingresses_UseAnExistingClass_AndDependOnItsController()
    {
        var tree = await FluxTree.Repository;
        var graph = tree.DependencyGraph();
        var classes = tree.Objects.Where(o => o.Kind == "HelmRelease")
            .Select(o => (o, name: o.Node.Text("spec", "values", "controller", "ingressClassResource", "name")))
            .Where(c => c.name is not null)
            .ToDictionary(c => c.name!, c => c.o.Kustomization);
        classes.Keys.Order().ShouldBe(["nginx-internal", "nginx-public"]);
        foreach (var ingress in tree.Objects.Where(o => o.Kind == "Ingress"))
        {
            var name = ingress.Node.Text("spec", "ingressClassName");
            name.ShouldNotBeNull(ingress.ToString());
            classes.ShouldContainKey(name, ingress.ToString());
            // The controller's admission webhook validates every Ingress: without it running, the apply fails.
            graph.Ancestors(ingress.Kustomization).ShouldContain(classes[name], ingress.ToString());
        }
    }

    [Fact]
    public async Task Certificates_NameAnExistingIssuer_AndDependOnIt()
    {
        var tree = await FluxTree.Repository;
        var graph = tree.DependencyGraph();
        var issuers = tree.Objects.Where(o => o.Kind == "ClusterIssuer").ToDictionary(o => o.Name, o => o.Kustomization);
        issuers.Keys.Order().ShouldBe(["letsencrypt-production", "letsencrypt-staging", "selfsigned"]);
        var users = tree.Objects
            .Select(o => (o, issuer: o.Kind == "Certificate" ? o.Node.Text("spec", "issuerRef", "name") : o.Node.Text("metadata", "annotations", "cert-manager.io/cluster-issuer")))
            .Where(u => u.issuer is not null);
        foreach (var (user, issuer) in users)
        {
            issuers.ShouldContainKey(issuer!, user.ToString());
            graph.Ancestors(user.Kustomization).ShouldContain(issuers[issuer!], user.ToString());
        }
    }

    [Fact]
    public async Task Claims_UseAnExistingStorageClass_AndDependOnIt()
    {
        var tree = await FluxTree.Repository;
        var graph = tree.DependencyGraph();
        var storageClasses = tree.Objects.Where(o => o.Kind == "StorageClass").ToDictionary(o => o.Name, o => o.Kustomization);
        storageClasses.Keys.ShouldBe([tree.Settings["STORAGE_CLASS"]]);
        var defaultClass = storageClasses.Keys.Single();
        foreach (var claim in tree.Objects.Where(o => o.Kind == "PersistentVolumeClaim"))
        {
            var name = claim.Node.Text("spec", "storageClassName") ?? defaultClass;
            storageClasses.ShouldContainKey(name, claim.ToString());
            graph.Ancestors(claim.Kustomization).ShouldContain(storageClasses[name], claim.ToString());
        }
    }
}
