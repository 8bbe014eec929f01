using HomeOps.Core.GitOps.Rules;

namespace HomeOps.Operations.GitOps;

/// <summary>
/// Keeps <see cref="CleanFiles"/> between runs in the build cache folder, one entry per repository and HomeOps build:
/// a line per file and check that found nothing. Only what a run used is stored, so the entry follows the repository.
/// </summary>
internal sealed class CleanFilesStore(BuildCache cache, string repositoryRoot)
{
    private const string Kind = "clean-files";

    private readonly string _key = BuildCache.Hash(["clean-files-1", repositoryRoot, typeof(CleanFiles).Assembly.ManifestModule.ModuleVersionId.ToString()]);

    /// <param name="fingerprints">This run's content hashes: a file it did not hash is read as usual.</param>
    public CleanFiles Load(FileFingerprints fingerprints) =>
        new(file => fingerprints.Known(Path.Combine(repositoryRoot, file)), cache.Get(Kind, _key)?.Split('\n', StringSplitOptions.RemoveEmptyEntries) ?? []);

    /// <param name="fingerprints">The hashes the entries were keyed by: a file whose size or time differs from them now changed while the run read it.</param>
    public void Save(CleanFiles clean, FileFingerprints fingerprints)
    {
        if (clean.Added)
        {
            var keep = clean.Keep(file => !fingerprints.Unchanged(Path.Combine(repositoryRoot, file)));
            cache.Put(Kind, _key, string.Join('\n', keep.Order(StringComparer.Ordinal)) + "\n");
        }
    }
}
