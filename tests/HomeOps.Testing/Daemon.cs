using System.Net;
using System.Net.Sockets;
using HomeOps.Runtime.Processes;

namespace HomeOps.Testing;

/// <summary>
/// Runs the real servers the tree configures and doctor probes (Mosquitto, Redis from Debian packages, installed by
/// scripts/install-test-dependencies.sh; PostgreSQL, preinstalled) in a temporary folder, on a free loopback port.
/// Ready-made servers for protocol tests are in Daemon.Servers.cs.
/// </summary>
public sealed partial class Daemon : IDisposable
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

    /// <summary>Runs before the folder is removed (a server that is stopped by a command, not by its pid).</summary>
    public Action? OnDispose { get; set; }

    public static async Task<CommandResult> RunAsync(string program, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string?>? environment = null, CancellationToken cancellationToken = default)
    {
        var spec = new CommandSpec(program, arguments) { Timeout = TimeSpan.FromSeconds(30), Environment = environment ?? new Dictionary<string, string?>() };
        return await InstalledPrograms.RunAsync(spec, "run scripts/install-test-dependencies.sh (apt mosquitto mosquitto-clients redis-server)", cancellationToken);
    }

    /// <summary>Waits until the daemon accepts TCP connections (it daemonized itself).</summary>
    public async Task WaitUntilListeningAsync(CancellationToken cancellationToken = default)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port, cancellationToken);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50, cancellationToken);
            }
        }

        throw new Xunit.Sdk.XunitException($"nothing listens on 127.0.0.1:{Port}; see the files in {Folder}");
    }

    public static string Text(params string[] repositoryPath) => File.ReadAllText(RepositoryPaths.Combine(repositoryPath));

    /// <summary>Stops the daemon this test started (by the pid it wrote) and removes its folder.</summary>
    public void Dispose()
    {
        OnDispose?.Invoke();
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
