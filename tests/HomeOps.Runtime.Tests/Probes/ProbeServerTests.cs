using System.Net;
using System.Net.Sockets;
using HomeOps.Runtime.Probes;
using HomeOps.Testing;

namespace HomeOps.Runtime.Tests.Probes;

/// <summary>
/// The protocol probes against real servers started here: Mosquitto, Redis and PostgreSQL (Daemon.Servers.cs; a
/// server that cannot start skips its test with the reason).
/// </summary>
public sealed class ProbeServerTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Mqtt_RealMosquitto_RoundTripsAMessage()
    {
        using var mosquitto = await Daemon.StartMosquittoAsync("home-assistant", "mqtt pass:word", Token);

        var result = await MqttProbe.RoundTripAsync("127.0.0.1", mosquitto.Port, "home-assistant", "mqtt pass:word", Timeout, Token);

        result.Ok.ShouldBeTrue(result.Detail);
        result.Detail.ShouldStartWith("connected as home-assistant, published and received a message on homeops/doctor/");
    }

    [Fact]
    public async Task Mqtt_WrongPassword_ReachedButRefused()
    {
        using var mosquitto = await Daemon.StartMosquittoAsync("home-assistant", "right", Token);

        var result = await MqttProbe.RoundTripAsync("127.0.0.1", mosquitto.Port, "home-assistant", "wrong", Timeout, Token);

        result.Ok.ShouldBeFalse();
        result.Reached.ShouldBeTrue(result.Detail);
        result.Detail.ShouldContain("refused the connection");
        result.Detail.ShouldNotContain("wrong");
    }

    [Fact]
    public async Task Mqtt_NothingListening_Unreachable()
    {
        var result = await MqttProbe.RoundTripAsync("127.0.0.1", FreePort(), "u", "p", TimeSpan.FromSeconds(3), Token);

        result.Ok.ShouldBeFalse();
        result.Reached.ShouldBeFalse(result.Detail);
    }

    [Fact]
    public async Task Redis_RealServer_AnswersPing()
    {
        using var redis = await Daemon.StartRedisAsync("redis-secret", Token);

        var result = await RedisProbe.PingAsync("127.0.0.1", redis.Port, "redis-secret", Timeout, Token);

        result.Ok.ShouldBeTrue(result.Detail);
        result.Detail.ShouldStartWith("PING answered in ");
    }

    [Fact]
    public async Task Redis_WrongPassword_ReachedButRefused()
    {
        using var redis = await Daemon.StartRedisAsync("redis-secret", Token);

        var result = await RedisProbe.PingAsync("127.0.0.1", redis.Port, "not-it", TimeSpan.FromSeconds(5), Token);

        result.Ok.ShouldBeFalse();
        result.Detail.ShouldNotContain("not-it");
        result.Detail.ShouldNotContain("redis-secret");
    }

    [Fact]
    public async Task Postgres_RealServer_SelectOneAndBothDatabases()
    {
        using var postgres = await Daemon.StartPostgresAsync([("authentik", "pg-secret-1"), ("homeassistant", "pg-secret-2")], [("authentik", "authentik"), ("homeassistant", "homeassistant")], Token);

        var result = await PostgresProbe.CheckAsync("127.0.0.1", postgres.Port, "authentik", "pg-secret-1", "authentik", ["authentik", "homeassistant"], Timeout, Token);

        result.Ok.ShouldBeTrue(result.Detail);
        result.Detail.ShouldContain("SELECT 1 as authentik on PostgreSQL ");
        result.Detail.ShouldEndWith("databases authentik, homeassistant exist");
    }

    [Fact]
    public async Task Postgres_HomeAssistantDatabaseMissing_NamesIt()
    {
        using var postgres = await Daemon.StartPostgresAsync([("authentik", "pg-secret-1")], [("authentik", "authentik")], Token);

        var result = await PostgresProbe.CheckAsync("127.0.0.1", postgres.Port, "authentik", "pg-secret-1", "authentik", ["authentik", "homeassistant"], Timeout, Token);

        result.Ok.ShouldBeFalse();
        result.Reached.ShouldBeTrue();
        result.Detail.ShouldBe("SELECT 1 works as authentik, but database(s) homeassistant do not exist");
    }

    [Fact]
    public async Task Postgres_WrongPassword_RefusedWithoutThePassword()
    {
        using var postgres = await Daemon.StartPostgresAsync([("authentik", "pg-secret-1")], [("authentik", "authentik")], Token);

        var result = await PostgresProbe.CheckAsync("127.0.0.1", postgres.Port, "authentik", "guessed", "authentik", ["authentik"], Timeout, Token);

        result.Ok.ShouldBeFalse();
        result.Reached.ShouldBeTrue(result.Detail);
        result.Detail.ShouldContain("28P01");
        result.Detail.ShouldNotContain("guessed");
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
