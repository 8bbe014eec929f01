using HomeOps.Fakes.Kubernetes;
using HomeOps.Runtime.Files;
using HomeOps.Testing;
using Microsoft.Extensions.Time.Testing;

namespace HomeOps.Cli.Tests.Status;

/// <summary>
/// The fake API server serving a recorded cluster (tests/HomeOps.Cli.Tests/Fixtures/Status/&lt;name&gt;: one JSON list
/// per kind, custom kinds checked against the real CRDs in schemas/crds), a kubeconfig for it, and the CLI run against
/// it on a fixed clock: the objects are created at 09:00 and status runs at 12:00 UTC on 2026-11-26.
/// </summary>
internal sealed class StatusFixture : IAsyncDisposable
{
    public static readonly DateTimeOffset Created = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    private StatusFixture(FakeKubeApiServer server, FakeTimeProvider time, TempDirectory folder, IReadOnlyList<string> kinds)
    {
        Server = server;
        Time = time;
        Folder = folder;
        Kinds = kinds;
        Kubeconfig = FakeKubeconfig.Write(Path.Combine(folder.Path, "kubeconfig"), server.Url.ToString());
    }

    public FakeKubeApiServer Server { get; }

    public FakeTimeProvider Time { get; }

    public TempDirectory Folder { get; }

    /// <summary>The kinds the fixture holds, as "plural.group".</summary>
    public IReadOnlyList<string> Kinds { get; }

    public string Kubeconfig { get; }

    public static async Task<StatusFixture> StartAsync(string name = "cluster", params string[] without)
    {
        var time = new FakeTimeProvider(Created);
        var server = await FakeKubeApiServer.StartAsync(time);
        var source = RepositoryPaths.Combine("tests", "HomeOps.Cli.Tests", "Fixtures", "Status", name);
        var folder = new TempDirectory();
        var copy = Directory.CreateDirectory(Path.Combine(folder.Path, "snapshot")).FullName;
        foreach (var file in Directory.GetFiles(source, "*.json").Where(f => !without.Contains(Path.GetFileNameWithoutExtension(f))))
        {
            File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
        }

        var kinds = FakeSnapshot.Load(server.Store, copy, RepositoryPaths.Combine("schemas", "crds"), RepositoryPaths.Combine("tests", "HomeOps.Fakes", "Crds"));
        time.SetUtcNow(Now);
        return new StatusFixture(server, time, folder, kinds);
    }

    /// <summary>The list requests the server saw (GET without watch, on a collection).</summary>
    public int ListRequests => Server.Requests.Count(r => r.StartsWith("GET ", StringComparison.Ordinal) && !r.Contains("watch=true", StringComparison.Ordinal));

    public Task<CliRunner.Result> RunAsync(params string[] args) => RunAsync(Time, args);

    /// <summary>Runs on another clock: retries wait on it, so a test that makes requests fail runs on the system clock.</summary>
    public async Task<CliRunner.Result> RunAsync(TimeProvider clock, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var context = new CliContext(output, error, Folder.Path, PhysicalFileSystem.Instance, clock) { Environment = _ => null };
        var code = await HomeOpsCli.RunAsync(args, context, TestContext.Current.CancellationToken);
        return new CliRunner.Result(code, output.ToString(), error.ToString());
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        Folder.Dispose();
    }
}
