using StackExchange.Redis;

namespace HomeOps.Runtime.Probes;

/// <summary>Redis through StackExchange.Redis: connect with the password and PING.</summary>
public static class RedisProbe
{
    public static async Task<ProbeResult> PingAsync(string host, int port, string? password, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var options = new ConfigurationOptions
        {
            EndPoints = { { host, port } },
            Password = password,
            AbortOnConnectFail = true,
            ConnectTimeout = (int)timeout.TotalMilliseconds,
            SyncTimeout = (int)timeout.TotalMilliseconds,
            AsyncTimeout = (int)timeout.TotalMilliseconds,
            ConnectRetry = 1,
            ClientName = "homeops-doctor",
        };
        try
        {
            await using var redis = await ConnectionMultiplexer.ConnectAsync(options).WaitAsync(cancellationToken).ConfigureAwait(false);
            var latency = await redis.GetDatabase().PingAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
            return ProbeResult.Healthy($"PING answered in {latency.TotalMilliseconds:0.0} ms");
        }
        catch (RedisConnectionException e) when (e.FailureType == ConnectionFailureType.AuthenticationFailure || e.Message.Contains("NOAUTH", StringComparison.Ordinal) || e.Message.Contains("WRONGPASS", StringComparison.Ordinal))
        {
            return ProbeResult.Wrong($"Redis refused the password: {e.FailureType}");
        }
        catch (RedisConnectionException e)
        {
            return ProbeResult.Unreachable($"no Redis connection to {host}:{port}: {e.FailureType}");
        }
        catch (RedisServerException e)
        {
            return ProbeResult.Wrong($"Redis answered an error: {e.Message}");
        }
        catch (RedisTimeoutException)
        {
            return ProbeResult.Unreachable($"Redis at {host}:{port} did not answer within {timeout.TotalSeconds:0}s");
        }
    }
}
