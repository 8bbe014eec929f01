using System.Text;
using HomeOps.Runtime.Files;

namespace HomeOps.Testing;

/// <summary>
/// An <see cref="IFileSystem"/> held in memory, for tests of Operations that need no real program. It refuses what
/// the disk refuses, with the same exception types (FileSystemContractTests runs one set of cases on both):
/// reading a missing file or a folder, writing where a file stands in for a folder, deleting from a folder that does
/// not exist. Paths are Unix-style; relative ones resolve against <see cref="WorkingDirectory"/>.
/// What it does not model: permissions other than
/// the recorded mode, symbolic links, case-insensitive names,
/// other processes (a lock is only exclusive within this instance).
/// </summary>
public sealed class InMemoryFileSystem(TimeProvider? time = null) : IFileSystem
{
    private static readonly DateTime s_missingFileTime = DateTime.FromFileTimeUtc(0);
    private readonly object _gate = new();
    private readonly Dictionary<string, Entry> _files = new(StringComparer.Ordinal);
    private readonly HashSet<string> _directories = new(StringComparer.Ordinal) { "/" };
    private readonly HashSet<string> _locks = new(StringComparer.Ordinal);
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    public string WorkingDirectory { get; init; } = "/";

    public string TempDirectory => "/tmp";

    /// <summary>The mode a file was last written with (null when none was given).</summary>
    public UnixFileMode? ModeOf(string path)
    {
        lock (_gate)
        {
            return _files.TryGetValue(GetFullPath(path), out var entry) ? entry.Mode : throw new FileNotFoundException($"Could not find file '{path}'.", path);
        }
    }

    public bool FileExists(string path)
    {
        lock (_gate)
        {
            return _files.ContainsKey(GetFullPath(path));
        }
    }

    public bool DirectoryExists(string path)
    {
        lock (_gate)
        {
            return _directories.Contains(GetFullPath(path));
        }
    }

    public string ReadAllText(string path) => Get(path) is var entry && entry.Bytes is { } bytes ? Encoding.UTF8.GetString(bytes) : entry.Content;

    /// <summary>A file's bytes: as written by <see cref="WriteAllBytesAtomic"/>, else its text as UTF-8.</summary>
    public byte[] ReadAllBytes(string path) => Get(path) is var entry && entry.Bytes is { } bytes ? [.. bytes] : Encoding.UTF8.GetBytes(entry.Content);

    public long FileSize(string path) => Get(path) is var entry && entry.Bytes is { } bytes ? bytes.Length : Encoding.UTF8.GetByteCount(entry.Content);

    /// <summary>A file written with a mode that has an execute bit (a file written without a mode is not executable).</summary>
    public bool IsExecutable(string path)
    {
        lock (_gate)
        {
            return _files.TryGetValue(GetFullPath(path), out var entry)
                && entry.Mode is { } mode && (mode & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0;
        }
    }

    public DateTime LastWriteTimeUtc(string path)
    {
        lock (_gate)
        {
            return _files.TryGetValue(GetFullPath(path), out var entry) ? entry.Written : s_missingFileTime;
        }
    }

    public void WriteAllTextAtomic(string path, string content, UnixFileMode? mode = null) =>
        Write(path, new Entry(content, mode, _time.GetUtcNow().UtcDateTime));

    public void WriteAllBytesAtomic(string path, byte[] content) =>
        Write(path, new Entry(string.Empty, null, _time.GetUtcNow().UtcDateTime, [.. content]));

    private void Write(string path, Entry entry)
    {
        var full = GetFullPath(path);
        lock (_gate)
        {
            if (_directories.Contains(full))
            {
                throw new IOException($"Is a directory: '{path}'");
            }

            CreateDirectoryLocked(Parent(full));
            _files[full] = entry;
        }
    }

    public IEnumerable<string> EnumerateFiles(string directory, string searchPattern, bool recursive)
    {
        var full = GetFullPath(directory);
        lock (_gate)
        {
            return [.. _files.Keys
                .Where(f => recursive ? f.StartsWith(Prefix(full), StringComparison.Ordinal) : Parent(f) == full)
                .Where(f => Matches(Path.GetFileName(f), searchPattern))
                .Order(StringComparer.Ordinal)
                .Select(f => Rebase(f, full, directory))];
        }
    }

    public IEnumerable<string> EnumerateDirectories(string directory)
    {
        var full = GetFullPath(directory);
        lock (_gate)
        {
            return [.. _directories.Where(d => d != "/" && Parent(d) == full).Order(StringComparer.Ordinal).Select(d => Rebase(d, full, directory))];
        }
    }

    public void DeleteDirectory(string path)
    {
        var full = GetFullPath(path);
        lock (_gate)
        {
            _directories.RemoveWhere(d => d == full || d.StartsWith(Prefix(full), StringComparison.Ordinal));
            foreach (var file in _files.Keys.Where(f => f.StartsWith(Prefix(full), StringComparison.Ordinal)).ToList())
            {
                _files.Remove(file);
            }
        }
    }

    public void CreateDirectory(string path)
    {
        lock (_gate)
        {
            CreateDirectoryLocked(GetFullPath(path));
        }
    }

    public void DeleteFile(string path)
    {
        var full = GetFullPath(path);
        lock (_gate)
        {
            if (_directories.Contains(full))
            {
                throw new UnauthorizedAccessException($"Access to the path '{path}' is denied.");
            }

            if (!_directories.Contains(Parent(full)))
            {
                throw new DirectoryNotFoundException($"Could not find a part of the path '{path}'.");
            }

            _files.Remove(full);
        }
    }

    public string GetFullPath(string path) => Path.GetFullPath(path, WorkingDirectory);

    public IDisposable? TryLock(string path)
    {
        var full = GetFullPath(path);
        lock (_gate)
        {
            if (!_locks.Add(full))
            {
                return null;
            }

            if (!_files.ContainsKey(full))
            {
                if (!_directories.Contains(Parent(full)))
                {
                    _locks.Remove(full);
                    throw new DirectoryNotFoundException($"Could not find a part of the path '{path}'.");
                }

                _files[full] = new Entry(string.Empty, null, _time.GetUtcNow().UtcDateTime);
            }
        }

        return new Lock(this, full);
    }

    private Entry Get(string path)
    {
        var full = GetFullPath(path);
        lock (_gate)
        {
            if (_files.TryGetValue(full, out var entry))
            {
                return entry;
            }

            if (_directories.Contains(full))
            {
                throw new UnauthorizedAccessException($"Access to the path '{path}' is denied.");
            }

            throw _directories.Contains(Parent(full))
                ? new FileNotFoundException($"Could not find file '{path}'.", path)
                : new DirectoryNotFoundException($"Could not find a part of the path '{path}'.");
        }
    }

    private void CreateDirectoryLocked(string full)
    {
        for (var dir = full; dir != "/"; dir = Parent(dir))
        {
            if (_files.ContainsKey(dir))
            {
                throw new IOException($"The file '{dir}' already exists.");
            }
        }

        for (var dir = full; dir != "/" && _directories.Add(dir); dir = Parent(dir))
        {
        }
    }

    private static string Parent(string full) => Path.GetDirectoryName(full) ?? "/";

    private static string Prefix(string full) => full.EndsWith('/') ? full : full + "/";

    /// <summary>Paths come back in the form they were asked for, as Directory.EnumerateFiles returns them.</summary>
    private static string Rebase(string full, string fullDirectory, string asked) =>
        Path.Combine(asked, Path.GetRelativePath(fullDirectory, full));

    /// <summary>The subset of Directory.EnumerateFiles patterns tests use: literal characters, * and ?.</summary>
    private static bool Matches(string name, string pattern) =>
        pattern == "*" || System.Text.RegularExpressions.Regex.IsMatch(name,
            "^" + System.Text.RegularExpressions.Regex.Escape(pattern).Replace(@"\*", ".*", StringComparison.Ordinal).Replace(@"\?", ".", StringComparison.Ordinal) + "$");

    /// <summary>A file: its text, or its bytes when written as bytes.</summary>
    private sealed record Entry(string Content, UnixFileMode? Mode, DateTime Written, byte[]? Bytes = null);

    private sealed class Lock(InMemoryFileSystem owner, string path) : IDisposable
    {
        private bool _released;

        public void Dispose()
        {
            lock (owner._gate)
            {
                if (!_released)
                {
                    owner._locks.Remove(path);
                    _released = true;
                }
            }
        }
    }
}
