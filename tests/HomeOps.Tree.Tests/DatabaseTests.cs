using HomeOps.Core.Yaml;
using HomeOps.Tree.Tests.Tree;

namespace HomeOps.Tree.Tests;

/// <summary>
/// The PostgreSQL cluster as the seed describes it, with backups through the Barman Cloud plugin and every
/// service's role and database declared to CloudNativePG (no SQL run by init containers, no hand-made users).
/// </summary>
public sealed class DatabaseTests
{
    private static TreeObject Single(FluxTree tree, string kind, string? name = null) =>
        tree["postgresql-cluster"].Build.Objects.Single(o => o.Kind == kind && (name is null || o.Name == name));

    [Fact]
    public async Task Cluster_IsPostgres16_4_ThreeInstancesOnTheStorageClass()
    {
        var tree = await FluxTree.Repository;
        var cluster = Single(tree, "Cluster").Node;
        cluster.Text("spec", "instances").ShouldBe("3");
        cluster.Text("spec", "imageName").ShouldBe("ghcr.io/cloudnative-pg/postgresql:16.4");
        cluster.Text("spec", "storage", "storageClass").ShouldBe("longhorn-ssd");
        cluster.Text("spec", "storage", "storageClass").ShouldBe(tree.Settings["STORAGE_CLASS"]);
        cluster.Text("spec", "walStorage", "storageClass").ShouldBe(tree.Settings["STORAGE_CLASS"]);
        cluster.Text("spec", "affinity", "podAntiAffinityType").ShouldBe("required");
        cluster.Text("spec", "resources", "limits", "memory").ShouldNotBeNull();
        cluster.Text("spec", "resources", "requests", "cpu").ShouldNotBeNull();
    }

    [Fact]
    public async Task Backups_GoThroughTheBarmanCloudPluginToTheObjectStore()
    {
        var tree = await FluxTree.Repository;
        var cluster = Single(tree, "Cluster").Node;
        var plugin = cluster.Items("spec", "plugins").Single();
        plugin.Text("name").ShouldBe("barman-cloud.cloudnative-pg.io");
        plugin.Text("isWALArchiver").ShouldBe("true");
        cluster.At("spec", "backup").ShouldBeNull("the in-tree barmanObjectStore cannot be combined with a WAL-archiving plugin");

        // v0.5.0 reads only barmanObjectName and serverName.
        plugin.Entries("parameters").Select(e => e.Key.Value).ShouldBe(["barmanObjectName"]);
        var store = Single(tree, "ObjectStore", plugin.Text("parameters", "barmanObjectName"));
        store.Node.Text("spec", "configuration", "destinationPath").ShouldBe(tree.Settings["DATABASE_BACKUP_DESTINATION"]);
        store.Node.Text("spec", "configuration", "endpointURL").ShouldBe(tree.Settings["DATABASE_BACKUP_ENDPOINT"]);
        store.Node.Text("spec", "configuration", "serverName").ShouldBeNull("the server name is the plugin parameter's business");
        (store.Node.Text("spec", "retentionPolicy") ?? string.Empty).ShouldMatch("^[1-9][0-9]*[dwm]$");
        store.Node.Text("spec", "instanceSidecarConfiguration", "resources", "limits", "memory").ShouldNotBeNull();

        // Its credentials are an ExternalSecret's Secret, in the cluster's namespace, with every key the store reads.
        var credentials = store.Node.At("spec", "configuration", "s3Credentials");
        var names = new[] { "accessKeyId", "secretAccessKey", "region" }.Select(k => credentials.Text(k, "name")).Distinct().ToList();
        var secret = Single(tree, "ExternalSecret", names.Single());
        var keys = secret.Node.Entries("spec", "target", "template", "data").Select(e => e.Key.Value).ToHashSet(StringComparer.Ordinal);
        new[] { "accessKeyId", "secretAccessKey", "region" }.Select(k => credentials.Text(k, "key")!).ShouldAllBe(k => keys.Contains(k));
        secret.Node.Text("spec", "target", "template", "data", "REGION").ShouldBe(tree.Settings["DATABASE_BACKUP_REGION"]);

        var scheduled = Single(tree, "ScheduledBackup").Node;
        scheduled.Text("spec", "cluster", "name").ShouldBe(Single(tree, "Cluster").Name);
        scheduled.Text("spec", "method").ShouldBe("plugin");
        scheduled.Text("spec", "pluginConfiguration", "name").ShouldBe("barman-cloud.cloudnative-pg.io");
        scheduled.Text("spec", "schedule")!.Split(' ').Length.ShouldBe(6, "CloudNativePG's cron has a seconds field first");
        scheduled.Text("spec", "immediate").ShouldBe("true");
    }

    [Fact]
    public async Task ManagedRoles_TakeTheirPasswordsFromExternalSecretsNamedForThem()
    {
        var tree = await FluxTree.Repository;
        var roles = Single(tree, "Cluster").Node.Items("spec", "managed", "roles");
        roles.Select(r => r.Text("name")).ShouldBe(["authentik", "homeassistant"], ignoreOrder: true);
        foreach (var role in roles)
        {
            var secret = Single(tree, "ExternalSecret", role.Text("passwordSecret", "name"));
            var template = secret.Node.At("spec", "target", "template");
            template.Text("type").ShouldBe("kubernetes.io/basic-auth");
            template.Text("data", "username").ShouldBe(role.Text("name"), "CloudNativePG requires the username to be the role");
            template.Text("metadata", "labels", "cnpg.io/reload").ShouldBe("true");
            role.Text("login").ShouldBe("true");
        }
    }

    [Fact]
    public async Task Databases_AreOwnedByManagedRoles_AndKeptWhenDeleted()
    {
        var tree = await FluxTree.Repository;
        var cluster = Single(tree, "Cluster");
        var roles = cluster.Node.Items("spec", "managed", "roles").Select(r => r.Text("name")).ToHashSet(StringComparer.Ordinal);
        var databases = tree["postgresql-cluster"].Build.Objects.Where(o => o.Kind == "Database").ToList();
        databases.Select(d => d.Node.Text("spec", "name")).ShouldBe(["authentik", "homeassistant"], ignoreOrder: true);
        foreach (var database in databases)
        {
            database.Namespace.ShouldBe(cluster.Namespace);
            database.Node.Text("spec", "cluster", "name").ShouldBe(cluster.Name);
            roles.ShouldContain(database.Node.Text("spec", "owner")!);
            database.Node.Text("spec", "databaseReclaimPolicy").ShouldBe("retain");
        }
    }

    [Fact]
    public async Task Services_UseTheSame1PasswordItemsAsTheirRoles()
    {
        // The reference repository's services and database disagreed on item names; here each pair reads one item.
        var tree = await FluxTree.Repository;
        string Item(string kustomization, string secret, string? key = null) =>
            tree[kustomization].Build.Objects.Single(o => o.Kind == "ExternalSecret" && o.Name == secret)
                .Node.Items("spec", "data").First(d => key is null || d.Text("secretKey") == key).Text("remoteRef", "key")!;

        Item("authentik", "authentik-env", "AUTHENTIK_POSTGRESQL__PASSWORD").ShouldBe(Item("postgresql-cluster", "postgresql-role-authentik"));
        Item("home-assistant", "home-assistant-secrets").ShouldBe(Item("postgresql-cluster", "postgresql-role-homeassistant"));
        Item("authentik", "authentik-env", "AUTHENTIK_REDIS__PASSWORD").ShouldBe(Item("redis", "redis-auth"));
    }

    [Fact]
    public async Task Workloads_RunNoSqlAgainstTheDatabase()
    {
        var tree = await FluxTree.Repository;
        var commands = tree.Objects.SelectMany(o => o.Node.Mappings().Where(m => m.At("image") is YamlScalar)
            .Select(m => (o, text: string.Join(' ', m.Items("command").Concat(m.Items("args")).Select(x => x.Text())))));
        commands.Where(c => c.text.Contains("psql", StringComparison.Ordinal) || c.text.Contains("CREATE ", StringComparison.OrdinalIgnoreCase))
            .Select(c => c.o.ToString()).ShouldBeEmpty("roles and databases are declared to CloudNativePG");
    }
}
