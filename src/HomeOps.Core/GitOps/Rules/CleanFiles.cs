using System.Collections.Concurrent;

namespace HomeOps.Core.GitOps.Rules;

/// <summary>
/// The files an earlier run found nothing in, per check and by content hash: the checks that read every file of the
/// repository (the secret scan, the search for other Flux entries) skip a file whose content they already found
/// clean, without reading it. Only "nothing found" is remembered; a file with findings is read and judged each run.
/// Starts empty; the caller supplies the content hashes it knows and keeps the list between runs.
/// </summary>
public sealed class CleanFiles
{
    private readonly Func<string, string?> _contentHash;
    private readonly ConcurrentDictionary<string, bool> _known;
    private readonly ConcurrentDictionary<string, bool> _used = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _added = new(StringComparer.Ordinal);

    /// <summary>Remembers nothing: every file is read.</summary>
    public CleanFiles()
        : this(_ => null, [])
    {
    }

    /// <param name="contentHash">A repository-relative path's content hash, or null when it is not known (the file is then always read).</param>
    /// <param name="known">What <see cref="Used"/> held at the end of an earlier run.</param>
    public CleanFiles(Func<string, string?> contentHash, IEnumerable<string> known)
    {
        _contentHash = contentHash;
        _known = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        foreach (var key in known)
        {
            _known.TryAdd(key, true);
        }
    }

    /// <summary>True when this run found a file clean that no earlier run had.</summary>
    public bool Added { get; private set; }

    /// <summary>The entries this run relied on or added: what to keep for the next run.</summary>
    public IEnumerable<string> Used => _used.Keys;

    /// <summary>
    /// The entries this run added, with their file: a file that changed between being hashed and being read was
    /// judged on other content than its hash says, and its entry must not be kept (<paramref name="changedSinceHashed"/>).
    /// </summary>
    public IEnumerable<string> Keep(Func<string, bool> changedSinceHashed) =>
        _used.Keys.Where(k => !_added.TryGetValue(k, out var file) || !changedSinceHashed(file));

    public bool WasClean(string check, string file)
    {
        if (Key(check, file) is not { } key || !_known.ContainsKey(key))
        {
            return false;
        }

        _used[key] = true;
        return true;
    }

    public void MarkClean(string check, string file)
    {
        if (Key(check, file) is { } key)
        {
            _known[key] = true;
            _used[key] = true;
            _added[key] = file;
            Added = true;
        }
    }

    private string? Key(string check, string file) => _contentHash(file) is { } hash ? $"{check} {hash} {file}" : null;
}
