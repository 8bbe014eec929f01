using System.Net;
using System.Net.Sockets;
using HomeOps.Runtime.Processes;
using HomeOps.Runtime.Tools;

namespace HomeOps.Operations.Tests.GitOps;

/// <summary>
/// A Helm chart repository on 127.0.0.1: the test charts packaged with the real helm, an index.yaml from
/// <c>helm repo index</c>, served over HTTP as helm expects (GET index.yaml, GET &lt;chart&gt;-&lt;version&gt;.tgz).
/// Counts requests so tests can tell a cache hit from a download.
/// </summary>
public sealed class ChartRepository : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly string _folder = Directory.CreateTempSubdirectory("homeops-charts-").FullName;
    private readonly CancellationTokenSource _stop = new();
    private int _downloads;

    private ChartRepository(int port)
    {
        Url = $"http://127.0.0.1:{port}";
        _listener.Prefixes.Add(Url + "/");
    }

    public string Url { get; }

    public int Downloads => _downloads;

    public static async Task<ChartRepository> StartAsync(params string[] chartFolders)
    {
        var repo = new ChartRepository(FreePort());
        foreach (var chart in chartFolders)
        {
            await RunHelm(Helm.Package(chart, repo._folder));
        }

        await RunHelm(Helm.RepoIndex(repo._folder, repo.Url));
        repo._listener.Start();
        _ = Task.Run(repo.ServeAsync);
        return repo;
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Close();
        Directory.Delete(_folder, recursive: true);
    }

    private static async Task RunHelm(CommandSpec spec)
    {
        var result = await ProcessCommandRunner.Instance.RunAsync(spec, CancellationToken.None);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"{spec.Display()} failed: {result.ErrorSummary()}");
        }
    }

    private async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            var name = Path.GetFileName(context.Request.Url!.AbsolutePath);
            var file = Path.Combine(_folder, name);
            if (name.Length > 0 && File.Exists(file))
            {
                if (name.EndsWith(".tgz", StringComparison.Ordinal))
                {
                    Interlocked.Increment(ref _downloads);
                }

                var bytes = await File.ReadAllBytesAsync(file);
                context.Response.ContentLength64 = bytes.Length;
                await context.Response.OutputStream.WriteAsync(bytes);
            }
            else
            {
                context.Response.StatusCode = 404;
            }

            context.Response.Close();
        }
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }
}
