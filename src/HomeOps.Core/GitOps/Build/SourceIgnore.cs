using System.Text;
using System.Text.RegularExpressions;

namespace HomeOps.Core.GitOps.Build;

/// <summary>
/// Which files Flux's source-controller leaves out of the artifact: the default exclusions plus every
/// <c>.sourceignore</c> (gitignore syntax, relative to its folder). As in source-controller v1.4, any user pattern
/// drops the default extension and CI exclusions, keeping only the VCS ones.
/// </summary>
public sealed class SourceIgnore
{
    private static readonly string[] s_vcs = [".git/", ".gitignore", ".gitmodules", ".gitattributes"];

    private static readonly string[] s_defaults =
    [
        "*.jpg", "*.jpeg", "*.gif", "*.png", "*.wmv", "*.flv", "*.tar.gz", "*.zip", ".github/", ".circleci/", ".travis.yml",
        ".gitlab-ci.yml", "appveyor.yml", ".drone.yml", "cloudbuild.yaml", "codeship-*.yml", "**/.goreleaser.yml", "**/.sops.yaml", "**/.flux.yaml",
    ];

    private readonly List<(Regex Pattern, bool Negate, bool DirectoryOnly)> _rules = [];

    // Folders asked about (every file of a folder asks for it): rules run once per folder, not once per file.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> _folders = new(StringComparer.Ordinal);

    private SourceIgnore()
    {
    }

    public static SourceIgnore Load(ISourceTree tree)
    {
        var ignore = new SourceIgnore();
        var user = new List<(string Base, string Line)>();
        Collect(tree, string.Empty, user, depth: 0);
        foreach (var p in s_vcs)
        {
            ignore.Add(string.Empty, p);
        }

        if (user.Count == 0)
        {
            foreach (var p in s_defaults)
            {
                ignore.Add(string.Empty, p);
            }
        }

        foreach (var (b, line) in user)
        {
            ignore.Add(b, line);
        }

        return ignore;
    }

    /// <summary>
    /// The patterns of one <c>.gitignore</c> at the repository root (gitignore syntax, as for .sourceignore): what
    /// git would leave untracked, for a checkout whose file list git cannot give (no .git folder).
    /// </summary>
    public static SourceIgnore FromGitignore(string text)
    {
        var ignore = new SourceIgnore();
        ignore.Add(string.Empty, ".git/");
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                ignore.Add(string.Empty, line);
            }
        }

        return ignore;
    }

    /// <summary>Whether a path is ignored: when any folder above it is, or when the last rule that matches it does not negate.</summary>
    public bool IsIgnored(string path, bool isDirectory = false)
    {
        if (_rules.Count == 0)
        {
            return false;
        }

        var slash = path.LastIndexOf('/');
        return (slash > 0 && _folders.GetOrAdd(path[..slash], folder => IsIgnored(folder, isDirectory: true))) || Matches(path, isDirectory);
    }

    private bool Matches(string path, bool isDirectory)
    {
        var ignored = false;
        foreach (var (pattern, negate, dirOnly) in _rules)
        {
            if ((!dirOnly || isDirectory) && pattern.IsMatch(path))
            {
                ignored = !negate;
            }
        }

        return ignored;
    }

    private static void Collect(ISourceTree tree, string directory, List<(string, string)> into, int depth)
    {
        if (depth > 32 || RepoPath.FileName(directory) is ".git" or "node_modules" or "bin" or "obj")
        {
            return;
        }

        var file = RepoPath.Combine(directory, ".sourceignore");
        if (tree.ReadText(file) is { } text)
        {
            foreach (var raw in text.Split('\n'))
            {
                var line = raw.Trim();
                if (line.Length > 0 && !line.StartsWith('#'))
                {
                    into.Add((directory, line));
                }
            }
        }

        foreach (var sub in tree.Directories(directory))
        {
            Collect(tree, sub, into, depth + 1);
        }
    }

    private void Add(string baseDir, string line)
    {
        var negate = line.StartsWith('!');
        if (negate)
        {
            line = line[1..];
        }

        var dirOnly = line.EndsWith('/');
        line = line.TrimEnd('/');
        var anchored = line.StartsWith('/') || line.TrimStart('/').Contains('/', StringComparison.Ordinal);
        line = line.TrimStart('/');
        var sb = new StringBuilder("^");
        if (baseDir.Length > 0)
        {
            sb.Append(Regex.Escape(baseDir)).Append('/');
        }

        if (!anchored)
        {
            sb.Append("(?:.*/)?");
        }

        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (c == '*' && i + 1 < line.Length && line[i + 1] == '*')
            {
                sb.Append(".*");
                i++;
                if (i + 1 < line.Length && line[i + 1] == '/')
                {
                    i++;
                    sb.Append("/?");
                }
            }
            else
            {
                sb.Append(c switch
                {
                    '*' => "[^/]*",
                    '?' => "[^/]",
                    _ => Regex.Escape(c.ToString()),
                });
            }
        }

        _rules.Add((new Regex(sb.Append('$').ToString(), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)), negate, dirOnly));
        _folders.Clear();
    }
}
