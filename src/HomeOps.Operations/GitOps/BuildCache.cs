using System.Security.Cryptography;
using System.Text;
using HomeOps.Runtime.Files;

namespace HomeOps.Operations.GitOps;

/// <summary>
/// Content-addressed cache of build and render outputs in the user's cache folder: the key is a hash of everything
/// the output depends on, so an entry is never stale and the folder can be deleted at any time.
/// </summary>
public sealed class BuildCache(IFileSystem files, string directory, bool enabled)
{
    public string Directory => directory;

    public static string Hash(IEnumerable<string> parts)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var part in parts)
        {
            sha.AppendData(Encoding.UTF8.GetBytes(part));
            sha.AppendData([0]);
        }

        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    /// <summary>An entry, or null when there is none or it cannot be read.</summary>
    public string? Get(string kind, string key) => Read(PathOf(kind, key), files.ReadAllText);

    public void Put(string kind, string key, string content) => Write(() => files.WriteAllTextAtomic(PathOf(kind, key), content));

    /// <summary>An entry kept as bytes (<see cref="PutBytes"/>), or null when there is none or it cannot be read.</summary>
    public byte[]? GetBytes(string kind, string key) => Read(PathOf(kind, key, ".bin"), files.ReadAllBytes);

    public void PutBytes(string kind, string key, byte[] content) => Write(() => files.WriteAllBytesAtomic(PathOf(kind, key, ".bin"), content));

    /// <summary>When the entry was written (the file system's clock), or null when there is none.</summary>
    public DateTime? WrittenAt(string kind, string key) =>
        enabled && files.FileExists(PathOf(kind, key)) ? files.LastWriteTimeUtc(PathOf(kind, key)) : null;

    private string PathOf(string kind, string key, string extension = ".yaml") => Path.Combine(directory, kind, key[..2], key + extension);

    private T? Read<T>(string path, Func<string, T> read)
        where T : class
    {
        if (!enabled)
        {
            return null;
        }

        try
        {
            return files.FileExists(path) ? read(path) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private void Write(Action write)
    {
        if (!enabled)
        {
            return;
        }

        try
        {
            write();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A cache that cannot be written only costs speed.
        }
    }
}
