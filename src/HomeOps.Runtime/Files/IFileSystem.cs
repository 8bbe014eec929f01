namespace HomeOps.Runtime.Files;

/// <summary>The file operations HomeOps needs. Paths are absolute or relative to the process's working directory.</summary>
public interface IFileSystem
{
    bool FileExists(string path);

    bool DirectoryExists(string path);

    /// <summary>Reads a UTF-8 text file. Throws <see cref="IOException"/> or <see cref="UnauthorizedAccessException"/>.</summary>
    string ReadAllText(string path);

    /// <summary>Reads a file's bytes (a chart archive). Throws <see cref="IOException"/> or <see cref="UnauthorizedAccessException"/>.</summary>
    byte[] ReadAllBytes(string path);

    long FileSize(string path);

    /// <summary>Whether a file exists at <paramref name="path"/> that may be run: any execute bit set (on Windows, any file).</summary>
    bool IsExecutable(string path);

    /// <summary>When the file was last written; 1601-01-01 (file time zero) when it does not exist, as <see cref="File.GetLastWriteTimeUtc(string)"/> says.</summary>
    DateTime LastWriteTimeUtc(string path);

    /// <summary>Writes a file so that readers see the old or the new content, never half of it (temp file, then rename).</summary>
    void WriteAllTextAtomic(string path, string content, UnixFileMode? mode = null);

    /// <summary>Writes a file's bytes as <see cref="WriteAllTextAtomic"/> writes text: readers see the old or the new content.</summary>
    void WriteAllBytesAtomic(string path, byte[] content);

    IEnumerable<string> EnumerateFiles(string directory, string searchPattern, bool recursive);

    IEnumerable<string> EnumerateDirectories(string directory);

    /// <summary>
    /// Every file below <paramref name="directory"/> with its size and write time (in no set order), without
    /// descending into folders whose name <paramref name="skipFolder"/> accepts. The disk's form reads each file's
    /// metadata once, where <see cref="FileSize"/> and <see cref="LastWriteTimeUtc"/> look twice.
    /// </summary>
    IEnumerable<FileStamp> StampFilesBelow(string directory, Func<string, bool> skipFolder)
    {
        var pending = new Stack<string>([directory]);
        while (pending.Count > 0)
        {
            var folder = pending.Pop();
            foreach (var file in EnumerateFiles(folder, "*", recursive: false))
            {
                yield return new FileStamp(file, FileSize(file), LastWriteTimeUtc(file));
            }

            foreach (var sub in EnumerateDirectories(folder))
            {
                if (!skipFolder(Path.GetFileName(sub)))
                {
                    pending.Push(sub);
                }
            }
        }
    }

    void DeleteDirectory(string path);

    void CreateDirectory(string path);

    /// <summary>Deletes a file; nothing happens when it does not exist.</summary>
    void DeleteFile(string path);

    string GetFullPath(string path);

    /// <summary>The folder for throwaway files and folders (the system's temp folder).</summary>
    string TempDirectory { get; }

    /// <summary>
    /// Takes an exclusive lock on <paramref name="path"/> (creating an empty file there when there is none), held
    /// until the result is disposed; null when another process or another lock already holds it.
    /// </summary>
    IDisposable? TryLock(string path);
}
