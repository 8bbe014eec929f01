using System.Net;
using System.Net.Sockets;
using HomeOps.Runtime.Processes;
using HomeOps.Testing;

namespace HomeOps.Tree.Tests.Daemons;

/// <summary>
/// Runs the real programs the tree configures (Mosquitto, Redis from Debian packages, installed by
/// scripts/install-test-dependencies.sh) in a temporary folder, on a free loopback port.
/// </summary>
internal sealed class Daemon : IDisposable
{
    private Daemon(string folder, int port)
    {
        Folder = folder;
        Port = port;
    }

    public string Folder { get; }

    public int Port { get; }

    public string PidFile => Path.Combine(Folder, "daemon.pid");

    public static Daemon Prepare()
    {
        var folder = Directory.CreateTempSubdirectory("homeops-daemon-").FullName;
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new Daemon(folder, port);
    }

    public static async Task<CommandResult> RunAsync(string program, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var spec = new CommandSpec(program, arguments) { Timeout = TimeSpan.FromSeconds(30), Environment = environment ?? new Dictionary<string, string?>() };
        return await InstalledPrograms.RunAsync(spec, "run scripts/install-test-dependencies.sh (apt mosquitto mosquitto-clients redis-server)", TestContext.Current.CancellationToken);
    }

    /// <summary>Waits until the daemon accepts TCP connections (it daemonized itself).</summary>
    public async Task WaitUntilListeningAsync()
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port, TestContext.Current.CancellationToken);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50, TestContext.Current.CancellationToken);
            }
        }

        throw new Xunit.Sdk.XunitException($"nothing listens on 127.0.0.1:{Port}; see the files in {Folder}");
    }

    public static string Text(params string[] repositoryPath) => File.ReadAllText(RepositoryPaths.Combine(repositoryPath));

    /// <summary>Stops the daemon this test started (by the pid it wrote) and removes its folder.</summary>
    public void Dispose()
    {
        if (File.Exists(PidFile) && int.TryParse(File.ReadAllText(PidFile).Trim(), out var pid))
        {
            try
            {
                using var process = System.Diagnostics.Process.GetProcessById(pid);
                process.Kill();
                process.WaitForExit(5000);
            }
            catch (ArgumentException)
            {
                // Already gone.
            }
        }

        Directory.Delete(Folder, recursive: true);
    }
}
