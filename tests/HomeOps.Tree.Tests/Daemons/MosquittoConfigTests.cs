using HomeOps.Core.Diagnostics;
using HomeOps.Core.Yaml;
using HomeOps.Testing;
using HomeOps.Tree.Tests.Tree;

namespace HomeOps.Tree.Tests.Daemons;

/// <summary>
/// The tree's mosquitto.conf and the init container that hashes the password file, run with the real Mosquitto
/// (Debian's 2.0.x; the cluster runs 2.0.18): a device with the 1Password credentials gets in, nobody else does.
/// Only the paths and the port differ from the cluster.
/// </summary>
public sealed class MosquittoConfigTests
{
    private const string User = "homeops";
    // A colon and spaces: mosquitto_passwd -U would cut this password at the colon.
    private const string Password = "correct horse:battery staple";

    [Fact]
    public async Task Mosquitto_TreeConfig_AcceptsTheUserAndRejectsEveryoneElse()
    {
        using var daemon = Daemon.Prepare();
        var auth = Directory.CreateDirectory(Path.Combine(daemon.Folder, "auth")).FullName;
        var data = Directory.CreateDirectory(Path.Combine(daemon.Folder, "data")).FullName;

        // The init container's own script, with the pod's path mapped to the temporary folder and the environment
        // it gets from the Secret External Secrets writes (apps/home-automation/mosquitto/users.yaml).
        var script = (await InitScriptAsync()).Replace("/mosquitto/auth", auth, StringComparison.Ordinal);
        var init = await Daemon.RunAsync("sh", ["-c", script], new Dictionary<string, string?> { ["MQTT_USERNAME"] = User, ["MQTT_PASSWORD"] = Password }, cancellationToken: TestContext.Current.CancellationToken);
        init.ExitCode.ShouldBe(0, init.StandardError);
        var hashed = await File.ReadAllTextAsync(Path.Combine(auth, "passwd"), TestContext.Current.CancellationToken);
        hashed.ShouldStartWith($"{User}:$");
        hashed.ShouldNotContain(Password);
        if (!OperatingSystem.IsWindows())
        {
            (File.GetUnixFileMode(Path.Combine(auth, "passwd")) & (UnixFileMode.GroupRead | UnixFileMode.OtherRead)).ShouldBe(UnixFileMode.None);
        }

        var config = Daemon.Text("apps", "home-automation", "mosquitto", "mosquitto.conf")
            .Replace("listener 1883", $"listener {daemon.Port} 127.0.0.1", StringComparison.Ordinal)
            .Replace("/mosquitto/auth/passwd", Path.Combine(auth, "passwd"), StringComparison.Ordinal)
            .Replace("/mosquitto/data/", data + "/", StringComparison.Ordinal)
            .Replace("log_dest stdout", $"log_dest file {Path.Combine(daemon.Folder, "mosquitto.log")}", StringComparison.Ordinal)
            // Run as whoever runs the tests (the container runs as the mosquitto user already).
            + $"\nuser {Environment.UserName}\npid_file {daemon.PidFile}\n";
        var configFile = Path.Combine(daemon.Folder, "mosquitto.conf");
        await File.WriteAllTextAsync(configFile, config, TestContext.Current.CancellationToken);

        var start = await Daemon.RunAsync("mosquitto", ["-c", configFile, "-d"], cancellationToken: TestContext.Current.CancellationToken);
        start.ExitCode.ShouldBe(0, start.StandardError);
        await daemon.WaitUntilListeningAsync(TestContext.Current.CancellationToken);

        (await PublishAsync(daemon, User, Password)).ExitCode.ShouldBe(0);
        (await PublishAsync(daemon, User, "wrong")).ExitCode.ShouldNotBe(0);
        (await PublishAsync(daemon, User, Password[..Password.IndexOf(':', StringComparison.Ordinal)])).ExitCode.ShouldNotBe(0);
        (await PublishAsync(daemon, null, null)).ExitCode.ShouldNotBe(0, "allow_anonymous false");
    }

    private static async Task<string> InitScriptAsync()
    {
        var tree = await FluxTree.Repository;
        var deployment = tree["mosquitto"].Build.Objects.Single(o => o.Kind == "Deployment");
        var init = deployment.Node.Items("spec", "template", "spec", "initContainers").Single();
        init.Items("command").Select(c => c.Text()).Take(2).ShouldBe(["sh", "-c"]);
        return init.Items("command")[2].Text()!;
    }

    private static Task<Runtime.Processes.CommandResult> PublishAsync(Daemon daemon, string? user, string? password)
    {
        List<string> arguments = ["-h", "127.0.0.1", "-p", daemon.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-t", "homeops/test", "-m", "hello", "-q", "1"];
        if (user is not null)
        {
            arguments.AddRange(["-u", user, "-P", password!]);
        }

        return Daemon.RunAsync("mosquitto_pub", arguments, cancellationToken: TestContext.Current.CancellationToken);
    }
}
