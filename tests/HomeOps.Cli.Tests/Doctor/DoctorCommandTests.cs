using System.Text;
using System.Text.Json.Nodes;
using HomeOps.Cli.Tests.Status;
using HomeOps.Fakes.Services;
using HomeOps.Testing;

namespace HomeOps.Cli.Tests.Doctor;

/// <summary>
/// `homeops doctor` end to end: the recorded cluster on the fake API server (gates judged from its status), the
/// probes' credentials in its Secrets, and the probes talking to real Mosquitto, Redis and PostgreSQL servers, a
/// Matter WebSocket server and a Kestrel HTTPS server, reached with --endpoint as after a port-forward.
/// </summary>
public sealed class DoctorCommandTests
{
    private const string MqttPassword = "mqtt-pw-7f3a9c";
    private const string RedisPassword = "redis-pw-51be20";
    private const string AuthentikPassword = "authentik-pw-c0ffee";
    private const string IngressHost = "homeassistant.k8s.home.geoffdavis.com";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Doctor_RealServers_GatesProbesAndNextSteps()
    {
        using var mosquitto = await Daemon.StartMosquittoAsync("home-assistant", MqttPassword, Token);
        using var redis = await Daemon.StartRedisAsync(RedisPassword, Token);
        using var postgres = await Daemon.StartPostgresAsync([("authentik", AuthentikPassword), ("homeassistant", "ha-pw")], [("authentik", "authentik"), ("homeassistant", "homeassistant")], Token);
        await using var matter = await FakeMatterServer.StartAsync();
        await using var https = await LocalHttpsServer.StartAsync(IngressHost, StatusFixture.Now.AddDays(-96), StatusFixture.Now.AddDays(-6));
        await using var fixture = await StatusFixture.StartAsync();
        fixture.HealTalos();
        PutSecrets(fixture);
        PutIngress(fixture);
        fixture.TrustedRoots = [https.Ca];

        var result = await fixture.RunAsync("doctor", "--kubeconfig", fixture.Kubeconfig,
            "--endpoint", $"mqtt=127.0.0.1:{mosquitto.Port}", "--endpoint", $"redis=127.0.0.1:{redis.Port}", "--endpoint", $"postgresql=127.0.0.1:{postgres.Port}",
            "--endpoint", $"matter=127.0.0.1:{matter.Port}", "--endpoint", $"ingress=127.0.0.1:{https.Port}", "--timeout", "10");

        result.Out.ShouldMatch(@"ok  etcd        etcd healthy, no alarms, quorum: 3/3 member\(s\) healthy, leader 3a6f1c2d5e4b0001\n");
        result.Out.ShouldContain("!!  longhorn    Longhorn volumes healthy: 5 healthy, 1 degraded, 0 faulted of 6 volume(s)");
        result.Out.ShouldContain("XX  cnpg        PostgreSQL primary ready: postgresql-system/postgresql-cluster primary postgresql-cluster-1\n    XX  PostgreSQL cluster postgresql-system/postgresql-cluster is not healthy");
        result.Out.ShouldContain("XX  flux        Flux Ready: 31/38 Ready");
        result.Out.ShouldMatch($@"ok  postgresql  PostgreSQL SELECT 1 and databases: 127\.0\.0\.1:{postgres.Port} \(--endpoint\): SELECT 1 as authentik on PostgreSQL [0-9.]+; databases authentik, homeassistant exist\n");
        result.Out.ShouldMatch($@"ok  redis       Redis PING: 127\.0\.0\.1:{redis.Port} \(--endpoint\): PING answered in [0-9.]+ ms\n");
        result.Out.ShouldContain($"ok  mqtt        Mosquitto MQTT round trip: 127.0.0.1:{mosquitto.Port} (--endpoint): connected as home-assistant, published and received a message on homeops/doctor/");
        result.Out.ShouldContain($"ok  matter      Matter Server WebSocket: 127.0.0.1:{matter.Port} (--endpoint): server info: schema 11, SDK 2025.7.0, fabric 2, Thread credentials set\n");
        result.Out.ShouldContain($"XX  ingress     HTTPS through each ingress: 0/1 host(s) serve valid HTTPS\n    XX  https://{IngressHost} through 127.0.0.1:{https.Port}: the certificate served for {IngressHost} expired on 2026-11-20");
        result.Out.ShouldContain("Next:\n  1. cnpg: See 'kubectl cnpg status postgresql-cluster -n postgresql-system'");
        result.Out.ShouldContain("doctor: 9 check(s): 3 unhealthy, 1 warning, 5 ok\n");
        result.ExitCode.ShouldBe(1);
        foreach (var secret in new[] { MqttPassword, RedisPassword, AuthentikPassword })
        {
            result.Out.ShouldNotContain(secret);
            result.Error.ShouldNotContain(secret);
        }
    }

    [Fact]
    public async Task Doctor_ClusterIpServiceWithoutEndpoint_SaysHowToForward()
    {
        await using var fixture = await StatusFixture.StartAsync();
        fixture.HealTalos();

        var result = await fixture.RunAsync("doctor", "--kubeconfig", fixture.Kubeconfig, "--only", "redis");

        result.Out.ShouldContain("??  redis  Redis PING: Service redis/redis has no address outside the cluster: it is ClusterIP without a LoadBalancer address or a host-network pod (HO6186)");
        result.Out.ShouldContain("1. redis: Forward it and say where: 'kubectl -n redis port-forward svc/redis 6379', then 'homeops doctor --endpoint redis=127.0.0.1:6379' (docs/doctor.md)");
        result.ExitCode.ShouldBe(2, "could not ask");
    }

    [Fact]
    public async Task Doctor_CredentialsSecretMissing_SaysWhichSecret()
    {
        using var redis = await Daemon.StartRedisAsync(RedisPassword, Token);
        await using var fixture = await StatusFixture.StartAsync();

        var result = await fixture.RunAsync("doctor", "--kubeconfig", fixture.Kubeconfig, "--only", "redis", "--endpoint", $"redis=127.0.0.1:{redis.Port}");

        result.Out.ShouldContain($"??  redis  Redis PING: Cannot log in to Redis PING at 127.0.0.1:{redis.Port}: Secret redis/redis-auth does not exist (HO6187)");
    }

    [Fact]
    public async Task Doctor_WrongPasswordInSecret_UnhealthyWithoutPrintingIt()
    {
        using var redis = await Daemon.StartRedisAsync(RedisPassword, Token);
        await using var fixture = await StatusFixture.StartAsync();
        fixture.Put("v1", "Secret", Secret("redis", "redis-auth", ("password", "stale-password-1")));

        var result = await fixture.RunAsync("doctor", "--kubeconfig", fixture.Kubeconfig, "--only", "redis", "--endpoint", $"redis=127.0.0.1:{redis.Port}", "--format", "json");

        var json = JsonNode.Parse(result.Out)!;
        var check = json["checks"]![0]!;
        check["health"]!.GetValue<string>().ShouldBe("unhealthy", result.Out);
        check["findings"]![0]!["code"]!.GetValue<string>().ShouldBe("HO6183");
        result.Out.ShouldNotContain("stale-password-1");
        result.ExitCode.ShouldBe(1);
    }

    [Fact]
    public async Task Doctor_ApiUnreachable_GatesUnknownExitTwo()
    {
        await using var fixture = await StatusFixture.StartAsync();
        fixture.HealTalos();
        await fixture.Server.StopAsync();

        var result = await fixture.RunAsync(TimeProvider.System, "doctor", "--kubeconfig", fixture.Kubeconfig, "--only", "etcd", "--only", "flux", "--only", "mqtt");

        result.Out.ShouldContain("ok  etcd  ");
        result.Out.ShouldContain($"??  flux  Flux Ready: could not ask\n    ??  The Kubernetes API server at {fixture.Server.Url} did not answer");
        result.Out.ShouldContain("??  mqtt  Mosquitto MQTT round trip: The Kubernetes API server at");
        result.Out.ShouldNotContain("   at ");
        result.ExitCode.ShouldBe(2);
    }

    private static void PutSecrets(StatusFixture fixture)
    {
        fixture.Put("v1", "Secret", Secret("home-automation", "mosquitto-users", ("username", "home-assistant"), ("password", MqttPassword)));
        fixture.Put("v1", "Secret", Secret("redis", "redis-auth", ("password", RedisPassword)));
        fixture.Put("v1", "Secret", Secret("postgresql-system", "postgresql-role-authentik", ("username", "authentik"), ("password", AuthentikPassword)));
    }

    private static void PutIngress(StatusFixture fixture) =>
        fixture.Put("networking.k8s.io/v1", "Ingress", new JsonObject
        {
            ["metadata"] = new JsonObject { ["name"] = "home-assistant-api", ["namespace"] = "home-automation" },
            ["spec"] = new JsonObject
            {
                ["ingressClassName"] = "internal",
                ["tls"] = new JsonArray(new JsonObject { ["hosts"] = new JsonArray(IngressHost), ["secretName"] = "home-assistant-api-tls" }),
                ["rules"] = new JsonArray(new JsonObject { ["host"] = IngressHost }),
            },
            ["status"] = new JsonObject { ["loadBalancer"] = new JsonObject { ["ingress"] = new JsonArray(new JsonObject { ["ip"] = "172.29.52.50" }) } },
        });

    private static JsonObject Secret(string ns, string name, params (string Key, string Value)[] data)
    {
        var values = new JsonObject();
        foreach (var (key, value) in data)
        {
            values[key] = Convert.ToBase64String(Encoding.UTF8.GetBytes(value));
        }

        return new JsonObject { ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = ns }, ["type"] = "Opaque", ["data"] = values };
    }
}
