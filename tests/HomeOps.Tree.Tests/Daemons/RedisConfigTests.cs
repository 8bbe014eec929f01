using System.Globalization;
using HomeOps.Core.Yaml;
using HomeOps.Testing;
using HomeOps.Tree.Tests.Tree;

namespace HomeOps.Tree.Tests.Daemons;

/// <summary>
/// The tree's redis.conf and the Deployment's arguments and probe, run with the real Redis (Debian's 7.0): it
/// starts, keeps an append-only file, evicts only keys with a TTL, and answers only with the password.
/// </summary>
public sealed class RedisConfigTests
{
    private const string Password = "p@ss word:with symbols";

    [Fact]
    public async Task Redis_TreeConfig_StartsPersistentAndRequiresThePassword()
    {
        var tree = await FluxTree.Repository;
        var redis = tree["redis"].Build.Objects;
        var config = redis.Single(o => o.Kind == "ConfigMap").Node.Text("data", "redis.conf")!;
        var container = redis.Single(o => o.Kind == "Deployment").Node.Items("spec", "template", "spec", "containers").Single();

        using var daemon = Daemon.Prepare();
        var configFile = Path.Combine(daemon.Folder, "redis.conf");
        await File.WriteAllTextAsync(configFile, config
            .Replace("port 6379", $"port {daemon.Port}", StringComparison.Ordinal)
            .Replace("dir /data", $"dir {daemon.Folder}", StringComparison.Ordinal), TestContext.Current.CancellationToken);

        // The container's arguments, with Kubernetes' $(REDIS_PASSWORD) expansion done by hand.
        var arguments = container.Items("args").Select(a => a.Text()!)
            .Select(a => a == "/etc/redis/redis.conf" ? configFile : a.Replace("$(REDIS_PASSWORD)", Password, StringComparison.Ordinal))
            .Concat(["--daemonize", "yes", "--pidfile", daemon.PidFile, "--logfile", Path.Combine(daemon.Folder, "redis.log")])
            .ToList();
        var start = await Daemon.RunAsync("redis-server", arguments, cancellationToken: TestContext.Current.CancellationToken);
        start.ExitCode.ShouldBe(0, start.StandardError + start.StandardOutput);
        await daemon.WaitUntilListeningAsync(TestContext.Current.CancellationToken);

        var port = daemon.Port.ToString(CultureInfo.InvariantCulture);
        var authenticated = new Dictionary<string, string?> { ["REDISCLI_AUTH"] = Password };

        // The readiness probe (redis-cli ping, password from REDISCLI_AUTH as in the Deployment).
        container.Items("readinessProbe", "exec", "command").Select(c => c.Text()).ShouldBe(["redis-cli", "ping"]);
        container.Items("env").ShouldContain(e => e.Text("name") == "REDISCLI_AUTH");
        (await Daemon.RunAsync("redis-cli", ["-p", port, "ping"], authenticated, cancellationToken: TestContext.Current.CancellationToken)).StandardOutput.Trim().ShouldBe("PONG");
        (await Daemon.RunAsync("redis-cli", ["-p", port, "ping"], cancellationToken: TestContext.Current.CancellationToken)).StandardOutput.ShouldContain("NOAUTH");

        (await ConfigAsync(port, authenticated, "appendonly")).ShouldBe("yes");
        (await ConfigAsync(port, authenticated, "maxmemory-policy")).ShouldBe("volatile-lru");
        (await ConfigAsync(port, authenticated, "dir")).ShouldBe(daemon.Folder);
        (await Daemon.RunAsync("redis-cli", ["-p", port, "set", "k", "v"], authenticated, cancellationToken: TestContext.Current.CancellationToken)).StandardOutput.Trim().ShouldBe("OK");
    }

    private static async Task<string> ConfigAsync(string port, IReadOnlyDictionary<string, string?> environment, string key)
    {
        var result = await Daemon.RunAsync("redis-cli", ["-p", port, "--raw", "config", "get", key], environment, cancellationToken: TestContext.Current.CancellationToken);
        return result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries)[1].Trim();
    }
}
