using HomeOps.Core.Yaml;

namespace HomeOps.Operations.GitOps;

/// <summary>
/// Keeps a repository's <see cref="YamlParseCache"/> in the build cache folder (one pack per repository), read at the
/// start of a validate run and written at its end when it changed. A missing, damaged or foreign pack reads as empty:
/// the run parses everything, as without it.
/// </summary>
internal sealed class ParsedYamlStore(BuildCache cache, string repositoryRoot)
{
    private const string Kind = "parsed-yaml";

    private readonly string _key = BuildCache.Hash([Kind, repositoryRoot]);

    public YamlParseCache Load() => cache.GetBytes(Kind, _key) is { } pack ? YamlParseCache.FromPack(pack) : YamlParseCache.Empty();

    public void Save(YamlParseCache parsed)
    {
        if (parsed.Changed)
        {
            cache.PutBytes(Kind, _key, parsed.ToPack());
        }
    }
}
