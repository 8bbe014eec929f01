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

    public void Save(CleanFiles clean)
    {
        if (clean.Added)
        {
            cache.Put(Kind, _key, string.Join('\n', clean.Used.Order(StringComparer.Ordinal)) + "\n");
        }
    }
}
