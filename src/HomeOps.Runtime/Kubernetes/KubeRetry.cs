using System.Net;
using System.Net.Sockets;
using k8s.Autorest;
using Polly;
using Polly.Retry;

namespace HomeOps.Runtime.Kubernetes;

/// <summary>
/// The one retry policy for API calls: transient failures only (the server unreachable, a dropped connection,
/// 429, any 5xx), exponential backoff with jitter on the injected clock. A 404, 409 or 422 is an answer, not a
/// hiccup, so it is never retried.
/// </summary>
public static class KubeRetry
{
    public static ResiliencePipeline Create(TimeProvider time, int maxRetries = 6, TimeSpan? baseDelay = null, Action<string>? log = null) =>
        new ResiliencePipelineBuilder { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(IsTransient),
                MaxRetryAttempts = maxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = baseDelay ?? TimeSpan.FromMilliseconds(250),
                MaxDelay = TimeSpan.FromSeconds(5),
                OnRetry = args =>
                {
                    log?.Invoke($"retry {args.AttemptNumber + 1}/{maxRetries} in {args.RetryDelay.TotalMilliseconds:0} ms: {Describe(args.Outcome.Exception)}");
                    return default;
                },
            })
            .Build();

    /// <summary>Whether retrying the same request may succeed.</summary>
    public static bool IsTransient(Exception exception) => exception switch
    {
        HttpOperationException e => IsTransientStatus(e.Response?.StatusCode ?? 0),
        HttpRequestException e => e.StatusCode is null || IsTransientStatus(e.StatusCode.Value),
        SocketException or IOException => true,
        // HttpClient's own timeout surfaces as a TaskCanceledException wrapping a TimeoutException.
        TaskCanceledException e => e.InnerException is TimeoutException,
        _ => false,
    };

    private static bool IsTransientStatus(HttpStatusCode status) => status == HttpStatusCode.TooManyRequests || (int)status >= 500;

    private static string Describe(Exception? e) => e switch
    {
        null => "unknown",
        HttpOperationException h => $"HTTP {(int)(h.Response?.StatusCode ?? 0)}",
        _ => e.InnerException is { } inner ? $"{e.Message} ({inner.Message})" : e.Message,
    };
}
