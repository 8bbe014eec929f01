using System.Text.RegularExpressions;
using HomeOps.Testing;

namespace HomeOps.Operations.Tests.GitOps;

/// <summary>
/// A rule fixture: the clean base tree (Fixtures/GitOps/_base) with one fixture folder laid over it, copied to a
/// temporary folder. The fixture's <c>expect</c> file lists what validation must report, one
/// <c>CODE path:line:col</c> per line, plus optional settings (<c>delete: path</c>, <c>entry: path</c>,
/// <c>kubernetes: version</c>, <c>online</c>).
/// </summary>
public sealed partial class FixtureTree : IDisposable
{
    public static readonly string FixturesRoot = Path.Combine(AppContext.BaseDirectory, "Fixtures", "GitOps");

    private FixtureTree(string name, string root)
    {
        Name = name;
        Root = root;
    }

    public string Name { get; }

    public string Root { get; }

    public List<string> Expected { get; } = [];

    public string? Entry { get; private set; }

    public string? KubernetesVersion { get; private set; }

    public static IEnumerable<string> RuleFixtures() =>
        Directory.GetDirectories(FixturesRoot).Select(Path.GetFileName).OfType<string>().Where(n => !n.StartsWith('_')).Order(StringComparer.Ordinal);

    public static FixtureTree Create(string name, IReadOnlyDictionary<string, string>? replacements = null)
    {
        var root = Directory.CreateTempSubdirectory("homeops-fixture-").FullName;
        var tree = new FixtureTree(name, root);
        Copy(Path.Combine(FixturesRoot, "_base"), root, replacements);
        var folder = Path.Combine(FixturesRoot, name);
        Copy(folder, root, replacements);
        var expect = Path.Combine(root, "expect");
        if (File.Exists(expect))
        {
            foreach (var line in File.ReadAllLines(expect).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')))
            {
                if (line.StartsWith("delete: ", StringComparison.Ordinal))
                {
                    File.Delete(Path.Combine(root, line["delete: ".Length..]));
                }
                else if (line.StartsWith("entry: ", StringComparison.Ordinal))
                {
                    tree.Entry = line["entry: ".Length..];
                }
                else if (line.StartsWith("kubernetes: ", StringComparison.Ordinal))
                {
                    tree.KubernetesVersion = line["kubernetes: ".Length..];
                }
                else if (ExpectLine().IsMatch(line))
                {
                    tree.Expected.Add(line);
                }
                else
                {
                    throw new InvalidOperationException($"{name}/expect: cannot read '{line}'");
                }
            }

            File.Delete(expect);
        }

        return tree;
    }

    public void Write(string relative, string content)
    {
        var path = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    public static string SchemaFolder => RepositoryPaths.Combine("schemas", "crds");

    private static void Copy(string from, string to, IReadOnlyDictionary<string, string>? replacements)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            var text = File.ReadAllText(file);
            foreach (var (key, value) in replacements ?? new Dictionary<string, string>())
            {
                text = text.Replace(key, value, StringComparison.Ordinal);
            }

            File.WriteAllText(target, text);
        }
    }

    [GeneratedRegex(@"^HO\d{4} \S+:\d+:\d+$")]
    private static partial Regex ExpectLine();
}
