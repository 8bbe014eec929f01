using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace HomeOps.Fakes.Kubernetes;

/// <summary>
/// An in-process Kubernetes API server on 127.0.0.1 (Kestrel, plain HTTP/1.1) speaking the real REST protocol for
/// what HomeOps uses: discovery, get, list, create, update, merge and apply patch, delete, the status subresource
/// and watch with resourceVersion. The real KubernetesClient talks to it unchanged. <see cref="Store"/> holds the
/// objects and simulated controllers; <see cref="Faults"/> injects latency, errors, dropped connections and downtime.
/// </summary>
public sealed partial class FakeKubeApiServer : IAsyncDisposable
{
    private readonly TimeProvider _time;
    private WebApplication? _app;
    private CancellationTokenSource _stopping = new();

    private FakeKubeApiServer(TimeProvider time)
    {
        _time = time;
        Store = new FakeKubeStore(time);
    }

    public FakeKubeStore Store { get; }

    public FakeKubeFaults Faults { get; } = new();

    /// <summary>Every request served: "GET /api/v1/nodes?watch=true", in arrival order.</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    public int Port { get; private set; }

    public Uri Url => new($"http://127.0.0.1:{Port}");

    public bool IsUp => _app is not null;

    public static async Task<FakeKubeApiServer> StartAsync(TimeProvider? time = null)
    {
        var server = new FakeKubeApiServer(time ?? TimeProvider.System);
        await server.StartOnAsync(0).ConfigureAwait(false);
        return server;
    }

    /// <summary>Stops listening (clients get "connection refused") for <paramref name="duration"/>, then comes back on the same port.</summary>
    public async Task TakeDownAsync(TimeSpan duration)
    {
        await StopAsync().ConfigureAwait(false);
        _ = Task.Run(async () =>
        {
            await Task.Delay(duration).ConfigureAwait(false);
            await StartOnAsync(Port).ConfigureAwait(false);
        });
    }

    public async Task StopAsync()
    {
        var app = _app;
        _app = null;
        if (app is null)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        Store.CloseWatches();
        await app.StopAsync().ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
    }

    public async Task RestartAsync() => await StartOnAsync(Port).ConfigureAwait(false);

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        _stopping.Dispose();
    }

    private async Task StartOnAsync(int port)
    {
        _stopping = new CancellationTokenSource();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        app.Run(HandleAsync);
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Urls.First();
        Port = new Uri(address).Port;
        _app = app;
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var line = $"{request.Method} {request.Path}{request.QueryString}";
        Requests.Enqueue(line);
        var fault = await Faults.BeforeRequestAsync(request.Method, line, context.RequestAborted).ConfigureAwait(false);
        if (fault is FakeFault.Drop)
        {
            context.Abort();
            return;
        }

        if (fault is FakeFault.Respond respond)
        {
            if (respond.Code == 429)
            {
                context.Response.Headers.RetryAfter = "1";
            }

            await WriteJsonAsync(context, respond.Code, KubeStatus.Failure(respond.Code, respond.Reason, respond.Message)).ConfigureAwait(false);
            return;
        }

        try
        {
            await RouteAsync(context).ConfigureAwait(false);
        }
        catch (FakeKubeException e)
        {
            await WriteJsonAsync(context, e.Code, e.Status).ConfigureAwait(false);
        }
    }
}
