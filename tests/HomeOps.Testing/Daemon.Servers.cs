using System.Diagnostics.CodeAnalysis;
using Npgsql;
using Xunit;

namespace HomeOps.Testing;

/// <summary>
/// Real servers for protocol tests, each in its own temporary folder on a free 127.0.0.1 port, with a login: Mosquitto
/// (password file made by mosquitto_passwd, no anonymous access), Redis (requirepass), PostgreSQL (a throwaway
/// initdb cluster, scram-sha-256 over TCP, roles and databases created through Npgsql). A server that cannot start
/// here (program missing, initdb refused) skips the test with the reason, so the run reports it as a skip.
/// </summary>
public sealed partial class Daemon
{
    public static async Task<Daemon> StartMosquittoAsync(string user, string password, CancellationToken cancellationToken)
    {
        var daemon = Prepare();
        var passwords = Path.Combine(daemon.Folder, "passwd");
        await SkipUnlessAsync(daemon, "mosquitto_passwd", ["-c", "-b", passwords, user, password], cancellationToken).ConfigureAwait(false);
        var config = Path.Combine(daemon.Folder, "mosquitto.conf");
        await File.WriteAllTextAsync(config, $"""
            listener {daemon.Port} 127.0.0.1
            allow_anonymous false
            password_file {passwords}
            persistence false
            log_dest file {Path.Combine(daemon.Folder, "mosquitto.log")}
            pid_file {daemon.PidFile}
            user {Environment.UserName}

            """, cancellationToken).ConfigureAwait(false);
        await SkipUnlessAsync(daemon, "mosquitto", ["-c", config, "-d"], cancellationToken).ConfigureAwait(false);
        await daemon.WaitUntilListeningAsync(cancellationToken).ConfigureAwait(false);
        return daemon;
    }

    public static async Task<Daemon> StartRedisAsync(string password, CancellationToken cancellationToken)
    {
        var daemon = Prepare();
        await SkipUnlessAsync(daemon, "redis-server",
            ["--bind", "127.0.0.1", "--port", $"{daemon.Port}", "--save", "", "--appendonly", "no", "--daemonize", "yes", "--pidfile", daemon.PidFile,
             "--dir", daemon.Folder, "--logfile", Path.Combine(daemon.Folder, "redis.log"), "--requirepass", password], cancellationToken).ConfigureAwait(false);
        await daemon.WaitUntilListeningAsync(cancellationToken).ConfigureAwait(false);
        return daemon;
    }

    /// <summary>PostgreSQL with <paramref name="roles"/> (name, password) and <paramref name="databases"/> (name, owner).</summary>
    [SuppressMessage("Security", "CA2100", Justification = "Test data: role and database names are literals of the test")]
    public static async Task<Daemon> StartPostgresAsync(IReadOnlyList<(string Role, string Password)> roles, IReadOnlyList<(string Database, string Owner)> databases, CancellationToken cancellationToken)
    {
        var daemon = Prepare();
        var data = Path.Combine(daemon.Folder, "data");
        var superPassword = $"super-{Guid.NewGuid():N}";
        var passwordFile = Path.Combine(daemon.Folder, "pwfile");
        await File.WriteAllTextAsync(passwordFile, superPassword + "\n", cancellationToken).ConfigureAwait(false);
        // initdb refuses to run as root: run the server as the postgres user then, owning the folder.
        var asRoot = Environment.UserName == "root";
        if (asRoot)
        {
            await SkipUnlessAsync(daemon, "chown", ["-R", "postgres:postgres", daemon.Folder], cancellationToken).ConfigureAwait(false);
        }

        string[] As(params string[] command) => asRoot ? ["-u", "postgres", "--", .. command] : command;
        var runner = asRoot ? "runuser" : null;
        await SkipUnlessAsync(daemon, runner ?? "initdb", As(runner is null ? [] : ["initdb"]).Concat(["-D", data, "-U", "postgres", "--pwfile", passwordFile, "--auth-local=trust", "--auth-host=scram-sha-256", "--no-sync", "-E", "UTF8"]).ToArray(), cancellationToken).ConfigureAwait(false);
        var options = $"-c listen_addresses=127.0.0.1 -c port={daemon.Port} -c unix_socket_directories={daemon.Folder} -c fsync=off";
        await SkipUnlessAsync(daemon, runner ?? "pg_ctl", As(runner is null ? [] : ["pg_ctl"]).Concat(["-D", data, "-o", options, "-l", Path.Combine(daemon.Folder, "postgres.log"), "-w", "start"]).ToArray(), cancellationToken).ConfigureAwait(false);
        daemon.OnDispose = () => _ = RunAsync(runner ?? "pg_ctl", As(runner is null ? [] : ["pg_ctl"]).Concat(["-D", data, "-m", "immediate", "stop"]).ToArray()).GetAwaiter().GetResult();

        var connection = new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = daemon.Port, Username = "postgres", Password = superPassword, Database = "postgres", Pooling = false }.ConnectionString;
        await using var admin = new NpgsqlConnection(connection);
        await admin.OpenAsync(cancellationToken).ConfigureAwait(false);
        foreach (var (role, password) in roles)
        {
            await using var create = new NpgsqlCommand($"CREATE ROLE \"{role}\" LOGIN PASSWORD '{password.Replace("'", "''", StringComparison.Ordinal)}'", admin);
            await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        foreach (var (database, owner) in databases)
        {
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database}\" OWNER \"{owner}\"", admin);
            await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        return daemon;
    }

    /// <summary>Runs a step of starting a server; a missing program or a failing step skips the test, saying why.</summary>
    private static async Task SkipUnlessAsync(Daemon daemon, string program, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var spec = new Runtime.Processes.CommandSpec(program, arguments) { Timeout = TimeSpan.FromSeconds(60) };
        Runtime.Processes.CommandResult result;
        try
        {
            result = await Runtime.Processes.ProcessCommandRunner.Instance.RunAsync(spec, cancellationToken).ConfigureAwait(false);
        }
        catch (Runtime.Processes.ToolNotFoundException)
        {
            daemon.Dispose();
            Assert.Skip($"{program} is not installed (scripts/install-test-dependencies.sh installs it)");
            throw;
        }

        if (!result.Succeeded)
        {
            var why = result.ErrorSummary(3);
            daemon.Dispose();
            Assert.Skip($"'{program} {arguments.FirstOrDefault()}' could not start the server here: {why}");
        }
    }
}
