using System.Text;
using System.Text.RegularExpressions;
using HomeOps.Core.ClusterConfig;
using HomeOps.Testing;

namespace HomeOps.Core.Tests.ClusterConfig;

/// <summary>
/// Thousands of seeded random edits of the bundled cluster.yaml: whatever the edit, loading must not throw, and
/// every problem must come back as a diagnostic with a code and a location inside the file.
/// </summary>
public sealed partial class MutationTests
{
    private const int Mutations = 2500;

    private static readonly string[] s_retypes =
    [
        "42", "-1", "0", "3.14", "true", "false", "null", "~", "\"\"", "[]", "{}", "[1, 2]", "{a: b}", "yes",
        "99999999999999999999999", "0x7fffffffffffffff", "\"172.29.51.1\"", "172.29.51.0/24", "::", "v1.2.3",
        "&anchor value", "*missing", "!!binary aGVsbG8=", "|\n  block", "'single'", "\"\\u0000\"", "[[[[[]]]]]",
    ];

    [Fact]
    public void Load_SeededMutationsOfBundledFile_NeverThrowAndAlwaysLocateProblems()
    {
        var original = File.ReadAllText(RepositoryPaths.ClusterFile);
        var random = new Random(20261126);
        var kinds = new Dictionary<string, int>();
        var withErrors = 0;

        for (var i = 0; i < Mutations; i++)
        {
            var (kind, text) = Mutate(original, random);
            kinds[kind] = kinds.GetValueOrDefault(kind) + 1;
            ClusterConfigResult result;
            try
            {
                result = ClusterConfigLoader.Load(text, "cluster.yaml");
            }
            catch (Exception e)
            {
                throw new Xunit.Sdk.XunitException($"Mutation {i} ({kind}) threw {e.GetType().Name}: {e.Message}\n--- input ---\n{Excerpt(text)}");
            }

            var lineCount = text.Split('\n').Length;
            foreach (var d in result.Diagnostics)
            {
                d.Code.ShouldMatch(@"^HO\d{4}$");
                d.Message.ShouldNotBeNullOrWhiteSpace();
                d.Location.Path.ShouldBe("cluster.yaml");
                d.Location.Line.ShouldBeInRange(1, lineCount + 1, $"mutation {i} ({kind}): {d}");
                d.Location.Column.ShouldBeGreaterThanOrEqualTo(1);
            }

            (result.Config is null).ShouldBe(result.HasErrors, $"mutation {i} ({kind})");
            withErrors += result.HasErrors ? 1 : 0;
        }

        kinds.Count.ShouldBe(10);
        withErrors.ShouldBeGreaterThan(Mutations / 2);
    }

    private static (string Kind, string Text) Mutate(string text, Random random)
    {
        var lines = text.Split('\n').ToList();
        var index = random.Next(lines.Count);
        switch (random.Next(10))
        {
            case 0:
                lines.RemoveAt(index);
                return ("delete-line", string.Join('\n', lines));
            case 1:
                lines.Insert(index, lines[index]);
                return ("duplicate-line", string.Join('\n', lines));
            case 2:
                var colon = lines[index].IndexOf(": ", StringComparison.Ordinal);
                if (colon > 0)
                {
                    lines[index] = lines[index][..(colon + 2)] + s_retypes[random.Next(s_retypes.Length)];
                }
                else
                {
                    lines[index] = lines[index] + " " + s_retypes[random.Next(s_retypes.Length)];
                }

                return ("retype-value", string.Join('\n', lines));
            case 3:
                var position = random.Next(text.Length);
                var garbage = new StringBuilder();
                for (var g = random.Next(1, 12); g > 0; g--)
                {
                    garbage.Append((char)random.Next(0, 0x2FFF));
                }

                return ("garbage-bytes", text.Insert(position, garbage.ToString()));
            case 4:
                var colon2 = lines[index].IndexOf(": ", StringComparison.Ordinal);
                var huge = random.Next(2) == 0 ? new string('9', random.Next(30, 5000)) : new string('x', random.Next(1000, 200_000));
                lines[index] = colon2 > 0 ? lines[index][..(colon2 + 2)] + huge : huge;
                return ("huge-value", string.Join('\n', lines));
            case 5:
                var shift = random.Next(1, 5);
                lines[index] = random.Next(2) == 0 ? new string(' ', shift) + lines[index] : lines[index].TrimStart(' ').PadLeft(Math.Max(0, lines[index].Length - shift - lines[index].TrimStart(' ').Length) + lines[index].TrimStart(' ').Length);
                return ("reindent", string.Join('\n', lines));
            case 6:
                var other = random.Next(lines.Count);
                (lines[index], lines[other]) = (lines[other], lines[index]);
                return ("swap-lines", string.Join('\n', lines));
            case 7:
                return ("truncate", text[..random.Next(text.Length)]);
            case 8:
                const string syntax = "[]{}\"':-&*!|>#%@`,?";
                return ("insert-syntax-character", text.Insert(random.Next(text.Length), syntax[random.Next(syntax.Length)].ToString()));
            default:
                var keyMatch = KeyRegex().Match(lines[index]);
                if (keyMatch.Success)
                {
                    var key = keyMatch.Groups["key"].Value;
                    var mangled = key.Length > 1 ? key.Remove(random.Next(key.Length), 1) : key + "x";
                    lines[index] = lines[index].Replace(key + ":", mangled + ":", StringComparison.Ordinal);
                }

                return ("rename-key", string.Join('\n', lines));
        }
    }

    private static string Excerpt(string text) => text.Length > 2000 ? text[..2000] + "..." : text;

    [GeneratedRegex(@"^\s*-?\s*(?<key>[A-Za-z0-9]+):")]
    private static partial Regex KeyRegex();
}
