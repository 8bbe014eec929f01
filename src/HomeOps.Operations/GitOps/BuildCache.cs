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

    public string? Get(string kind, string key)
    {
        if (!enabled)
        {
            return null;
        }

        var path = PathOf(kind, key);
        try
        {
            return files.FileExists(path) ? files.ReadAllText(path) : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    public void Put(string kind, string key, string content)
    {
        if (!enabled)
        {
            return;
        }

        try
        {
            files.WriteAllTextAtomic(PathOf(kind, key), content);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A cache that cannot be written only costs speed.
        }
    }

    /// <summary>An entry kept as bytes (<see cref="PutBytes"/>), or null when there is none or it cannot be read.</summary>
    public byte[]? GetBytes(string kind, string key)
    {
        if (!enabled)
        {
            return null;
        }

        var path = PathOf(kind, key, ".bin");
        try
        {
            return files.FileExists(path) ? files.ReadAllBytes(path) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public void PutBytes(string kind, string key, byte[] content)
    {
        if (!enabled)
        {
            return;
        }

        try
        {
            files.WriteAllBytesAtomic(PathOf(kind, key, ".bin"), content);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A cache that cannot be written only costs speed.
        }
    }

    /// <summary>When the entry was written (the file system's clock), or null when there is none.</summary>
    public DateTime? WrittenAt(string kind, string key) =>
        enabled && files.FileExists(PathOf(kind, key)) ? files.LastWriteTimeUtc(PathOf(kind, key)) : null;

    private string PathOf(string kind, string key, string extension = ".yaml") => Path.Combine(directory, kind, key[..2], key + extension);
}
