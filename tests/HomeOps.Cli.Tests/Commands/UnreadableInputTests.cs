using HomeOps.Cli;
using HomeOps.Runtime.Files;
using HomeOps.Testing;

namespace HomeOps.Cli.Tests.Commands;

/// <summary>An input file the operating system refuses to read is a diagnostic and an environment exit code, never a stack trace.</summary>
public sealed class UnreadableInputTests
{
    [Fact]
    public async Task ConfigValidate_ClusterYamlNotReadable_FileUnreadableAndExitTwo()
    {
        using var temp = new TempDirectory();
        var clusterFile = temp.Write("cluster.yaml", File.ReadAllText(RepositoryPaths.ClusterFile));
        using var output = new StringWriter();
        using var error = new StringWriter();
        var context = new CliContext(output, error, temp.Path, new PermissionDenied(clusterFile), TimeProvider.System);

        var code = await HomeOpsCli.RunAsync(["config", "validate"], context, TestContext.Current.CancellationToken);

        code.ShouldBe(2, output.ToString() + error.ToString());
        output.ToString().ShouldContain($"cluster.yaml:1:1: error HO0002: File 'cluster.yaml' cannot be read: Access to the path '{clusterFile}' is denied.");
        output.ToString().ShouldContain("hint: Check the file's permissions");
        (output.ToString() + error.ToString()).ShouldNotContain("   at ");
    }

    /// <summary>
    /// The disk as an unprivileged user sees a file with mode 0000 (tests run as root here, where chmod cannot make a
    /// file unreadable): reading it throws what .NET throws for EACCES.
    /// </summary>
    private sealed class PermissionDenied(string path) : IFileSystem
    {
        private static readonly IFileSystem s_disk = PhysicalFileSystem.Instance;

        public string ReadAllText(string p) =>
            Path.GetFullPath(p) == path ? throw new UnauthorizedAccessException($"Access to the path '{path}' is denied.") : s_disk.ReadAllText(p);

        public byte[] ReadAllBytes(string p) =>
            Path.GetFullPath(p) == path ? throw new UnauthorizedAccessException($"Access to the path '{path}' is denied.") : s_disk.ReadAllBytes(p);

        public bool FileExists(string p) => s_disk.FileExists(p);

        public bool DirectoryExists(string p) => s_disk.DirectoryExists(p);

        public long FileSize(string p) => s_disk.FileSize(p);

        public bool IsExecutable(string p) => s_disk.IsExecutable(p);

        public void WriteAllTextAtomic(string p, string content, UnixFileMode? mode = null) => s_disk.WriteAllTextAtomic(p, content, mode);

        public void WriteAllBytesAtomic(string p, byte[] content) => s_disk.WriteAllBytesAtomic(p, content);

        public IEnumerable<string> EnumerateFiles(string directory, string searchPattern, bool recursive) => s_disk.EnumerateFiles(directory, searchPattern, recursive);

        public IEnumerable<string> EnumerateDirectories(string directory) => s_disk.EnumerateDirectories(directory);

        public void DeleteDirectory(string p) => s_disk.DeleteDirectory(p);

        public void CreateDirectory(string p) => s_disk.CreateDirectory(p);

        public void DeleteFile(string p) => s_disk.DeleteFile(p);

        public string GetFullPath(string p) => s_disk.GetFullPath(p);

        public DateTime LastWriteTimeUtc(string p) => s_disk.LastWriteTimeUtc(p);

        public string TempDirectory => s_disk.TempDirectory;

        public IDisposable? TryLock(string p) => s_disk.TryLock(p);
    }
}
