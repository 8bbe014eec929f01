using System.Globalization;
using System.Security.Cryptography;
using HomeOps.Runtime.Files;

namespace HomeOps.Operations.GitOps;

/// <summary>
/// The content hash of each file of a repository, remembered with the file's size and modification time, as git's
/// index remembers them: a warm `validate` stats the files instead of reading and hashing every byte. A file whose
/// size or time differs is read again; so is one modified less than <see cref="RacyWindow"/> before the list was
/// written (it may have changed again within the same timestamp, git's "racily clean" case). Like git, it misses
/// an edit that keeps both the size and the modification time (a tool that restores the time it found).
/// </summary>
internal sealed class FileFingerprints
{
    /// <summary>
    /// Fewer newly hashed files than this do not rewrite the list (hashing them again next time costs less than
    /// writing every line), unless files came or went.
    /// </summary>
    public const int RewriteAfter = 32;

    /// <summary>Files changed this close to the list being written are hashed again on the next run.</summary>
    public static readonly TimeSpan RacyWindow = TimeSpan.FromSeconds(2);

    private readonly IFileSystem _files;
    private readonly BuildCache _cache;
    private readonly string _key;
    private readonly Dictionary<string, (long Size, long Ticks, string Hash)> _known;
    private readonly Dictionary<string, (long Size, long Ticks, string Hash)> _seen = new(StringComparer.Ordinal);
    private readonly long _trustedBefore;
    private int _hashed;

    private FileFingerprints(IFileSystem files, BuildCache cache, string key, Dictionary<string, (long, long, string)> known, long trustedBefore)
    {
        (_files, _cache, _key, _known, _trustedBefore) = (files, cache, key, known, trustedBefore);
    }

    /// <summary>Files whose hash came from the list, without reading them (for tests and --timings).</summary>
    public int Reused { get; private set; }

    public static FileFingerprints Load(IFileSystem files, BuildCache cache, string root)
    {
        var key = BuildCache.Hash(["file-fingerprints-1", root]);
        var known = new Dictionary<string, (long, long, string)>(StringComparer.Ordinal);
        var trustedBefore = long.MinValue;
        if (cache.Get("fingerprints", key) is { } text && cache.WrittenAt("fingerprints", key) is { } written)
        {
            trustedBefore = (written - RacyWindow).Ticks;
            Span<Range> parts = stackalloc Range[4];
            foreach (var range in text.AsSpan().Split('\n'))
            {
                // size ticks hash path (the path last: it may hold spaces)
                var line = text.AsSpan(range);
                if (line.Split(parts, ' ', StringSplitOptions.None) == 4 && long.TryParse(line[parts[0]], CultureInfo.InvariantCulture, out var size) && long.TryParse(line[parts[1]], CultureInfo.InvariantCulture, out var ticks))
                {
                    known[line[parts[3]].ToString()] = (size, ticks, line[parts[2]].ToString());
                }
            }
        }

        return new FileFingerprints(files, cache, key, known, trustedBefore);
    }

    /// <summary>What stands for the file's content in a cache key: its SHA-256, else its size and time (over 8 MiB), else "unreadable".</summary>
    public string ContentHash(string path) => ContentHash(path, _files.FileSize(path), _files.LastWriteTimeUtc(path).Ticks);

    /// <summary><see cref="ContentHash(string)"/> of a file whose size and time a listing read already.</summary>
    public string ContentHash(string path, long size, long ticks)
    {
        if (size > 8 * 1024 * 1024)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{size} {ticks}");
        }

        if (_known.TryGetValue(path, out var known) && known.Size == size && known.Ticks == ticks && ticks < _trustedBefore)
        {
            _seen[path] = known;
            Reused++;
            return known.Hash;
        }

        try
        {
            var hash = Convert.ToHexStringLower(SHA256.HashData(_files.ReadAllBytes(path)));
            _seen[path] = (size, ticks, hash);
            _hashed++;
            return hash;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "unreadable";
        }
    }

    /// <summary>The hash this run's <see cref="ContentHash"/> gave the file, or null when it was not asked for it.</summary>
    public string? Known(string path) => _seen.TryGetValue(path, out var seen) ? seen.Hash : null;

    /// <summary>Whether the file still has the size and time it had when this run hashed it (false when it was not hashed).</summary>
    public bool Unchanged(string path)
    {
        try
        {
            return _seen.TryGetValue(path, out var seen) && _files.FileSize(path) == seen.Size && _files.LastWriteTimeUtc(path).Ticks == seen.Ticks;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>
    /// Writes the list when <see cref="RewriteAfter"/> files or more were hashed, or files came or went, so that what
    /// was read this time is trusted next time.
    /// </summary>
    public void Save()
    {
        if (_hashed < RewriteAfter && _seen.Count == _known.Count && _seen.Keys.All(_known.ContainsKey))
        {
            return;
        }

        var lines = _seen.OrderBy(e => e.Key, StringComparer.Ordinal)
            .Select(e => string.Create(CultureInfo.InvariantCulture, $"{e.Value.Size} {e.Value.Ticks} {e.Value.Hash} {e.Key}\n"));
        _cache.Put("fingerprints", _key, string.Concat(lines));
    }
}
