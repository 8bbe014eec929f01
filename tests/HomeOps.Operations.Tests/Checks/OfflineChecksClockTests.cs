using HomeOps.Operations.Checks;
using HomeOps.Runtime.Files;
using HomeOps.Testing;
using Microsoft.Extensions.Time.Testing;

namespace HomeOps.Operations.Tests.Checks;

/// <summary>`homeops check` runs on the clock it is given, never on the machine's: the Talos check judges CA expiry by it.</summary>
public sealed class OfflineChecksClockTests
{
    [Fact]
    public async Task Run_InjectedClockPastCaExpiry_TalosCheckReportsTheExpiredAuthorities()
    {
        var root = Directory.CreateTempSubdirectory("homeops-clock-").FullName;
        try
        {
            File.Copy(RepositoryPaths.ClusterFile, Path.Combine(root, "cluster.yaml"));
            Directory.CreateDirectory(Path.Combine(root, "talos"));
            File.WriteAllText(Path.Combine(root, "talos", "secrets.yaml"), TestSecrets.Yaml);
            var workspace = Workspace.Locate(PhysicalFileSystem.Instance, root, null);
            // Talos CAs last ten years; eleven years after the bundle was made every one of them has expired.
            var clock = new FakeTimeProvider(TestSecrets.GeneratedAt.AddYears(11));

            var outcomes = await new OfflineChecks([new TalosCheck()], clock).RunAsync(workspace, null, TestContext.Current.CancellationToken);

            var expired = outcomes.ShouldHaveSingleItem().Diagnostics.Where(d => d.Code == "HO2007").ToList();
            expired.Count.ShouldBe(4, string.Join("\n", outcomes[0].Diagnostics));
            expired.ShouldAllBe(d => d.Location.Path.EndsWith("secrets.yaml", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task Run_InjectedClockWithinCaValidity_ReportsNoExpiry()
    {
        var root = Directory.CreateTempSubdirectory("homeops-clock-").FullName;
        try
        {
            File.Copy(RepositoryPaths.ClusterFile, Path.Combine(root, "cluster.yaml"));
            Directory.CreateDirectory(Path.Combine(root, "talos"));
            File.WriteAllText(Path.Combine(root, "talos", "secrets.yaml"), TestSecrets.Yaml);
            var workspace = Workspace.Locate(PhysicalFileSystem.Instance, root, null);

            var outcomes = await new OfflineChecks([new TalosCheck()], new FakeTimeProvider(TestSecrets.GeneratedAt.AddDays(1)))
                .RunAsync(workspace, null, TestContext.Current.CancellationToken);

            outcomes.ShouldHaveSingleItem().Diagnostics.ShouldNotContain(d => d.Code == "HO2007" || d.Code == "HO2008");
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
