using System.Text;

namespace HomeOps.Runtime.Files;

/// <summary>The real disk.</summary>
public sealed class PhysicalFileSystem : IFileSystem
{
    public static readonly PhysicalFileSystem Instance = new();

    private static readonly UTF8Encoding s_utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    public bool FileExists(string path) => File.Exists(path);

    public bool DirectoryExists(string path) => Directory.Exists(path);

    public string ReadAllText(string path) => File.ReadAllText(path, Encoding.UTF8);

    public byte[] ReadAllBytes(string path) => File.ReadAllBytes(path);

    public long FileSize(string path) => new FileInfo(path).Length;

    public bool IsExecutable(string path) =>
        File.Exists(path) && (OperatingSystem.IsWindows() || (File.GetUnixFileMode(path) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0);

    public DateTime LastWriteTimeUtc(string path) => File.GetLastWriteTimeUtc(path);

    public void WriteAllTextAtomic(string path, string content, UnixFileMode? mode = null) =>
        WriteAtomic(path, mode, stream =>
        {
            using var writer = new StreamWriter(stream, s_utf8NoBom, leaveOpen: true);
            writer.Write(content);
        });

    public void WriteAllBytesAtomic(string path, byte[] content) => WriteAtomic(path, mode: null, stream => stream.Write(content));

    /// <summary>Writes a temp file beside <paramref name="path"/>, flushes it to the disk and renames it over the path.</summary>
    private static void WriteAtomic(string path, UnixFileMode? mode, Action<FileStream> write)
    {
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(directory);
        var temp = Path.Combine(directory, $".{Path.GetFileName(full)}.{Environment.ProcessId}.tmp");
        try
        {
            // Create the temp file with its final mode before any byte is written, so a secret is never world-readable.
            var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, Share = FileShare.None };
            if (mode is { } m && !OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = m;
            }

            using (var stream = new FileStream(temp, options))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }

            if (mode is { } finalMode && !OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(temp, finalMode);
            }

            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

    public IEnumerable<string> EnumerateFiles(string directory, string searchPattern, bool recursive) =>
        Directory.Exists(directory)
            ? Directory.EnumerateFiles(directory, searchPattern, recursive ? SearchOption.AllDirectories : SearchOption.TopDirectoryOnly)
            : [];

    public IEnumerable<string> EnumerateDirectories(string directory) =>
        Directory.Exists(directory) ? Directory.EnumerateDirectories(directory) : [];

    public IEnumerable<FileStamp> StampFilesBelow(string directory, Func<string, bool> skipFolder) =>
        Directory.Exists(directory)
            ? new System.IO.Enumeration.FileSystemEnumerable<FileStamp>(
                directory,
                (ref entry) => new FileStamp(entry.ToFullPath(), entry.Length, entry.LastWriteTimeUtc.UtcDateTime),
                new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = true })
            {
                ShouldIncludePredicate = (ref entry) => !entry.IsDirectory,
                ShouldRecursePredicate = (ref entry) => !skipFolder(entry.FileName.ToString()),
            }
            : [];

    public void DeleteDirectory(string path)
    {
        if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }
    }

    public void CreateDirectory(string path) => Directory.CreateDirectory(path);

    public void DeleteFile(string path) => File.Delete(path);

    public string GetFullPath(string path) => Path.GetFullPath(path);

    public string TempDirectory => Path.GetTempPath();

    public IDisposable? TryLock(string path)
    {
        try
        {
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e) when (e is not DirectoryNotFoundException)
        {
            // Held by someone else (FileShare.None is an advisory flock on Unix).
            return null;
        }
    }
}
