using System.Text.Json.Nodes;
using HomeOps.Core.Diagnostics;
using HomeOps.Runtime.Kubernetes;

namespace HomeOps.Operations.Bootstrap;

/// <summary>
/// Waiting for a postcondition, never by spinning: either polling with exponential backoff on the injected clock,
/// or a watch (list, then watch from the list's resourceVersion; relist with backoff when the stream breaks).
/// An unreachable API while waiting is expected for a while (the control plane restarts); at the deadline it
/// becomes a diagnostic that says what was still missing.
/// </summary>
public static class Waits
{
    public static async Task PollAsync(BootstrapContext context, string what, Func<CancellationToken, Task<(bool Done, string Status)>> probe, CancellationToken cancellationToken)
    {
        using var deadline = Deadline(context, cancellationToken);
        var delay = context.Options.PollDelay;
        var status = "not started";
        Exception? lastError = null;
        var reported = string.Empty;
        while (true)
        {
            try
            {
                (var done, status) = await probe(deadline.Token).ConfigureAwait(false);
                lastError = null;
                if (done)
                {
                    return;
                }
            }
            catch (KubeApiException e) when (!deadline.IsCancellationRequested)
            {
                lastError = e;
                status = "API: " + e.ServerMessage;
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw TimedOut(context, what, status, lastError);
            }

            if (status != reported)
            {
                context.Detail(status);
                reported = status;
            }

            try
            {
                await Task.Delay(delay, context.Time, deadline.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw TimedOut(context, what, status, lastError);
            }

            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, context.Options.MaxPollDelay.Ticks));
        }
    }

    /// <summary>Watches one kind until <paramref name="evaluate"/> says the current set of objects is done.</summary>
    public static async Task WatchAsync(BootstrapContext context, string what, KubeResource resource, string? ns,
        Func<IReadOnlyCollection<JsonObject>, (bool Done, string Status)> evaluate, CancellationToken cancellationToken)
    {
        using var deadline = Deadline(context, cancellationToken);
        var delay = context.Options.PollDelay;
        var status = "not started";
        var reported = string.Empty;
        Exception? lastError = null;
        while (true)
        {
            try
            {
                var list = await context.Kube.ListAsync(resource, ns, deadline.Token).ConfigureAwait(false);
                var objects = list.Items.ToDictionary(Key, StringComparer.Ordinal);
                lastError = null;
                (var done, status) = evaluate(objects.Values);
                if (done)
                {
                    return;
                }

                Report(context, status, ref reported);
                await foreach (var e in context.Kube.WatchAsync(resource, ns, list.ResourceVersion, deadline.Token).ConfigureAwait(false))
                {
                    if (e.Type == "BOOKMARK")
                    {
                        continue;
                    }

                    if (e.Type == "DELETED")
                    {
                        objects.Remove(Key(e.Object));
                    }
                    else
                    {
                        objects[Key(e.Object)] = e.Object;
                    }

                    (done, status) = evaluate(objects.Values);
                    if (done)
                    {
                        return;
                    }

                    Report(context, status, ref reported);
                }
            }
            catch (KubeApiException e) when (!deadline.IsCancellationRequested)
            {
                lastError = e;
                status = "API: " + e.ServerMessage;
                Report(context, status, ref reported);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw await WatchTimedOutAsync(context, what, status, lastError, cancellationToken).ConfigureAwait(false);
            }

            // The stream ended (server timeout) or broke: back off, then list again.
            try
            {
                await Task.Delay(delay, context.Time, deadline.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw await WatchTimedOutAsync(context, what, status, lastError, cancellationToken).ConfigureAwait(false);
            }

            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, context.Options.MaxPollDelay.Ticks));
        }
    }

    private static void Report(BootstrapContext context, string status, ref string reported)
    {
        if (status != reported)
        {
            context.Detail(status);
            reported = status;
        }
    }

    private static DeadlineSource Deadline(BootstrapContext context, CancellationToken cancellationToken) =>
        new(new CancellationTokenSource(context.Options.WaitTimeout, context.Time), cancellationToken);

    /// <summary>The wait's own deadline (on the injected clock) linked with the caller's token.</summary>
    private sealed class DeadlineSource(CancellationTokenSource timeout, CancellationToken outer) : IDisposable
    {
        private readonly CancellationTokenSource _linked = CancellationTokenSource.CreateLinkedTokenSource(outer, timeout.Token);

        public CancellationToken Token => _linked.Token;

        public bool IsCancellationRequested => _linked.IsCancellationRequested;

        public void Dispose()
        {
            _linked.Dispose();
            timeout.Dispose();
        }
    }

    /// <summary>
    /// A watch's deadline: when no request failed but none finished either (the stream hung, or the deadline came
    /// while a request was still retrying), the API is asked once more, GET /readyz, so an API that is down at the
    /// deadline is reported as such (HO5040) rather than as a plain timeout.
    /// </summary>
    private static async Task<BootstrapStepException> WatchTimedOutAsync(BootstrapContext context, string what, string status, Exception? lastError, CancellationToken cancellationToken)
    {
        if (lastError is null && !await context.Kube.IsReadyAsync(cancellationToken).ConfigureAwait(false))
        {
            return BootstrapContext.Fail(DiagnosticCatalog.ApiUnreachable.At(context.Location, context.ApiServer, "waiting for " + what, "GET /readyz did not answer at the deadline"));
        }

        return TimedOut(context, what, status, lastError);
    }

    private static BootstrapStepException TimedOut(BootstrapContext context, string what, string status, Exception? lastError) =>
        BootstrapContext.Fail(lastError is KubeApiException { IsUnreachable: true } or KubeApiException { StatusCode: >= 500 }
            ? DiagnosticCatalog.ApiUnreachable.At(context.Location, context.ApiServer, "waiting for " + what, ((KubeApiException)lastError).ServerMessage)
            : DiagnosticCatalog.WaitTimedOut.At(context.Location, Format(context.Options.WaitTimeout), what, status));

    private static string Format(TimeSpan t) => t.TotalMinutes >= 1 ? $"{t.TotalMinutes:0.#} min" : $"{t.TotalSeconds:0.#} s";

    public static string Key(JsonObject o) => $"{o["metadata"]?["namespace"]}/{o["metadata"]?["name"]}";
}
