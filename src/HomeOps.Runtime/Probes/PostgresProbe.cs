using Npgsql;

namespace HomeOps.Runtime.Probes;

/// <summary>
/// PostgreSQL through Npgsql: log in, SELECT 1, then look the expected databases up in pg_database (readable by every
/// role), so "Authentik's database is missing" is found from any role's credentials.
/// </summary>
public static class PostgresProbe
{
    public static async Task<ProbeResult> CheckAsync(
        string host, int port, string username, string password, string database, IReadOnlyList<string> expectedDatabases, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = host, Port = port, Username = username, Password = password, Database = database,
            Timeout = Math.Max(1, (int)timeout.TotalSeconds), CommandTimeout = Math.Max(1, (int)timeout.TotalSeconds),
            Pooling = false, SslMode = SslMode.Prefer, ApplicationName = "homeops-doctor",
        };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (PostgresException e)
        {
            return ProbeResult.Wrong($"PostgreSQL refused {username}@{database}: {e.SqlState} {e.MessageText}");
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or System.Net.Sockets.SocketException && !cancellationToken.IsCancellationRequested)
        {
            return ProbeResult.Unreachable($"no PostgreSQL connection to {host}:{port}: {(e.InnerException ?? e).Message}");
        }

        try
        {
            await using (var one = new NpgsqlCommand("SELECT 1", connection))
            {
                if (await one.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not 1)
                {
                    return ProbeResult.Wrong("SELECT 1 did not answer 1");
                }
            }

            var found = new List<string>();
            await using (var lookup = new NpgsqlCommand("SELECT datname FROM pg_database WHERE datname = ANY($1)", connection))
            {
                lookup.Parameters.Add(new NpgsqlParameter { Value = expectedDatabases.ToArray() });
                await using var reader = await lookup.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    found.Add(reader.GetString(0));
                }
            }

            var missing = expectedDatabases.Where(d => !found.Contains(d, StringComparer.Ordinal)).ToList();
            var version = connection.PostgreSqlVersion;
            return missing.Count == 0
                ? ProbeResult.Healthy($"SELECT 1 as {username} on PostgreSQL {version}; databases {string.Join(", ", expectedDatabases)} exist")
                : ProbeResult.Wrong($"SELECT 1 works as {username}, but database(s) {string.Join(", ", missing)} do not exist");
        }
        catch (PostgresException e)
        {
            return ProbeResult.Wrong($"a query failed: {e.SqlState} {e.MessageText}");
        }
    }
}
