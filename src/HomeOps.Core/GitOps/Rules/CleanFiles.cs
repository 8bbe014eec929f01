using HomeOps.Core.Caching;

namespace HomeOps.Core.GitOps.Rules;

/// <summary>
/// The files an earlier run found nothing in, per check and by content hash: the checks that read every file of the
/// repository (the secret scan, the placeholder check, the search for other Flux entries) skip a file whose content
/// they already found clean, without reading it. Only "nothing found" is remembered; a file with findings is read
/// and judged each run. Starts empty; the caller supplies the content hashes it knows and keeps the list between runs.
/// </summary>
/// <param name="contentHash">A repository-relative path's content hash, or null when it is not known (the file is then always read).</param>
/// <param name="known">What <see cref="Keep"/> gave at the end of an earlier run.</param>
public sealed class CleanFiles(Func<string, string?> contentHash, IEnumerable<string> known)
{
    // Key → the file it is about.
    private readonly RunMemo<string> _memo = new(known.Select(k => KeyValuePair.Create(k, string.Empty)));

    /// <summary>Remembers nothing: every file is read.</summary>
    public CleanFiles()
        : this(_ => null, [])
    {
    }

    /// <summary>True when this run found a file clean that no earlier run had.</summary>
    public bool Added => _memo.Added;

    /// <summary>
    /// The entries to keep for the next run: those this run relied on or added, less those it added for a file that
    /// changed between being hashed and being read (<paramref name="changedSinceHashed"/>), which was judged on other
    /// content than its hash says.
    /// </summary>
    public IEnumerable<string> Keep(Func<string, bool> changedSinceHashed) =>
        _memo.Used.Where(e => !_memo.AddedNow(e.Key) || !changedSinceHashed(e.Value)).Select(e => e.Key);

    public bool WasClean(string check, string file) => Key(check, file) is { } key && _memo.TryGet(key, out _);

    public void MarkClean(string check, string file)
    {
        if (Key(check, file) is { } key)
        {
            _memo.Add(key, file);
        }
    }

    private string? Key(string check, string file) => contentHash(file) is { } hash ? $"{check} {hash} {file}" : null;
}
