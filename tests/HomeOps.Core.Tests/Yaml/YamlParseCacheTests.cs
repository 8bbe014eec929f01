using System.Text;
using HomeOps.Core.Diagnostics;
using HomeOps.Core.Yaml;

namespace HomeOps.Core.Tests.Yaml;

/// <summary>
/// The parse cache gives back exactly the tree that parsing gives (positions, styles, tags included), never keeps a
/// text whose parse said something, and ignores a pack it cannot trust.
/// </summary>
public sealed class YamlParseCacheTests
{
    private const string Text = """
        apiVersion: v1 # a comment
        kind: ConfigMap
        metadata:
          name: "quoted"
          labels: {app: demo, tier: 'single'}
        data:
          folded: >
            one
            two
          literal: |
            keep
          tagged: !!str 12
          number: 12
          empty:
          list: [a, "b", 3]
          anchor: &shared one
          alias: *shared
        ---
        - second
        - document
        """;

    [Fact]
    public void ReadAll_TextFromAPack_GivesTheTreeParsingGives_WithPositionsInTheFileItIsReadAs()
    {
        var first = YamlParseCache.Empty();
        YamlReader.ReadAll(Text, "a.yaml", new DiagnosticBag(), first);

        var next = YamlParseCache.FromPack(first.ToPack());
        var bag = new DiagnosticBag();
        var read = YamlReader.ReadAll(Text, "b.yaml", bag, next);

        next.Reused.ShouldBe(1);
        bag.Count.ShouldBe(0);
        Dump(read).ShouldBe(Dump(YamlReader.ReadAll(Text, "b.yaml", new DiagnosticBag())));
        Dump(read).ShouldContain("b.yaml:4:9-4:17 scalar \"quoted\" quoted");
        Dump(read).ShouldContain("scalar \"12\" plain tag=tag:yaml.org,2002:str");
        Dump(read).ShouldContain("scalar \"one two\\n\" quoted folded");
    }

    [Fact]
    public void ReadAll_TextWithADiagnostic_IsNotKept_SoTheDiagnosticComesEveryTime()
    {
        var cache = YamlParseCache.Empty();
        foreach (var round in new[] { 1, 2 })
        {
            var bag = new DiagnosticBag();
            YamlReader.ReadAll("name: one\nname: two\n", "dup.yaml", bag, cache);
            bag.Items.Single().Code.ShouldBe("HO0004", $"round {round}");
        }

        cache.Reused.ShouldBe(0);
        cache.Changed.ShouldBeFalse();
        YamlReader.ReadSingle("a: [1, 2\n", "broken.yaml", new DiagnosticBag(), cache).ShouldBeNull();
        cache.Changed.ShouldBeFalse();
    }

    [Fact]
    public void ToPack_HoldsOnlyTheTextsThisRunRead_AndIsUnchangedWhenItReadThemAll()
    {
        var first = YamlParseCache.Empty();
        YamlReader.ReadAll("a: 1\n", "a.yaml", new DiagnosticBag(), first);
        YamlReader.ReadAll("b: 2\n", "b.yaml", new DiagnosticBag(), first);
        first.Changed.ShouldBeTrue();

        var all = YamlParseCache.FromPack(first.ToPack());
        YamlReader.ReadAll("a: 1\n", "a.yaml", new DiagnosticBag(), all);
        YamlReader.ReadAll("b: 2\n", "b.yaml", new DiagnosticBag(), all);
        all.Changed.ShouldBeFalse();

        var some = YamlParseCache.FromPack(first.ToPack());
        YamlReader.ReadAll("a: 1\n", "a.yaml", new DiagnosticBag(), some);
        some.Changed.ShouldBeTrue();
        var after = YamlParseCache.FromPack(some.ToPack());
        YamlReader.ReadAll("b: 2\n", "b.yaml", new DiagnosticBag(), after);
        YamlReader.ReadAll("a: 1\n", "a.yaml", new DiagnosticBag(), after);
        after.Reused.ShouldBe(1);
    }

    [Fact]
    public void FromPack_EveryDamagedByte_IsNoPack_AndTheTextIsParsedAgain()
    {
        var first = YamlParseCache.Empty();
        YamlReader.ReadAll(Text, "a.yaml", new DiagnosticBag(), first);
        var pack = first.ToPack();
        var expected = Dump(YamlReader.ReadAll(Text, "a.yaml", new DiagnosticBag()));

        for (var i = 0; i < pack.Length; i++)
        {
            var damaged = (byte[])pack.Clone();
            damaged[i] ^= 0x20;
            var cache = YamlParseCache.FromPack(damaged);
            Dump(YamlReader.ReadAll(Text, "a.yaml", new DiagnosticBag(), cache)).ShouldBe(expected, $"byte {i}");
            cache.Reused.ShouldBe(0, $"byte {i}");
        }

        foreach (var cut in new[] { 0, 7, 30, pack.Length / 2, pack.Length - 1 })
        {
            YamlParseCache.FromPack(pack[..cut]).Changed.ShouldBeFalse($"cut at {cut}");
        }

        var noise = new byte[4096];
        new Random(7).NextBytes(noise);
        "HOYAMLP1"u8.CopyTo(noise);
        var fromNoise = YamlParseCache.FromPack(noise);
        Dump(YamlReader.ReadAll(Text, "a.yaml", new DiagnosticBag(), fromNoise)).ShouldBe(expected);
        fromNoise.Reused.ShouldBe(0);
    }

    [Fact]
    public void ReadAll_TextWhoseAliasesNameCollections_IsNotKept_ScalarAliasesAre()
    {
        // Each level doubles the one before: kept in the binary form, which writes every use out, it would not stop.
        var laughs = "a: &a [x, x]\nb: &b [*a, *a]\nc: &c [*b, *b]\nd: [*c, *c]\n";
        var cache = YamlParseCache.Empty();

        var documents = YamlReader.ReadAll(laughs, "laughs.yaml", new DiagnosticBag(), cache);

        ((YamlSequence)((YamlMapping)documents[0])["d"]!).Items.Count.ShouldBe(2);
        cache.Changed.ShouldBeFalse();
        YamlReader.ReadAll("a: &v one\nb: *v\n", "scalar.yaml", new DiagnosticBag(), cache);
        cache.Changed.ShouldBeTrue();
    }

    [Fact]
    public void Decode_DamagedBytes_AreRefusedWithInvalidData_NeverAnotherException()
    {
        var bytes = YamlBinary.Encode(YamlReader.ReadAll(Text, "a.yaml", new DiagnosticBag()));
        var expected = Dump(YamlReader.ReadAll(Text, "a.yaml", new DiagnosticBag()));
        Dump(YamlBinary.Decode(bytes, "a.yaml")).ShouldBe(expected);

        var random = new Random(11);
        var refused = 0;
        var cases = new List<byte[]>();
        for (var i = 0; i < bytes.Length; i++)
        {
            foreach (var value in new byte[] { 0x00, 0x7F, 0x80, 0xFF, (byte)random.Next(256) })
            {
                var damaged = (byte[])bytes.Clone();
                damaged[i] = value;
                cases.Add(damaged);
            }

            cases.Add(bytes[..i]);
        }

        for (var i = 0; i < 200; i++)
        {
            var noise = new byte[random.Next(1, 300)];
            random.NextBytes(noise);
            cases.Add(noise);
        }

        foreach (var damaged in cases)
        {
            try
            {
                YamlBinary.Decode(damaged, "a.yaml");
            }
            catch (InvalidDataException)
            {
                refused++;
            }
        }

        refused.ShouldBeGreaterThan(bytes.Length, "cut-short copies alone are refused");
    }

    [Fact]
    public void ReadAll_SameTextTwiceInOneRun_IsParsedOnce()
    {
        var cache = YamlParseCache.Empty();
        var one = YamlReader.ReadAll("k: v\n", "one.yaml", new DiagnosticBag(), cache);
        var two = YamlReader.ReadAll("k: v\n", "two.yaml", new DiagnosticBag(), cache);

        cache.Reused.ShouldBe(0);
        two[0].Span.Path.ShouldBe("two.yaml");
        Dump(two).Replace("two.yaml", "one.yaml", StringComparison.Ordinal).ShouldBe(Dump(one));
    }

    [Fact]
    public void ReadAll_EveryYamlFileOfThisRepository_ReadsBackFromAPackAsParsingGivesIt()
    {
        var root = RepositoryRoot();
        var skipped = new[] { "bin", "obj", "node_modules", ".git", ".build", ".tools" };
        var files = Directory.EnumerateFiles(root, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal))
            .Where(f => !Path.GetRelativePath(root, f).Split(Path.DirectorySeparatorChar).Any(skipped.Contains))
            .ToList();
        var first = YamlParseCache.Empty();
        var expected = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var bag = new DiagnosticBag();
            var text = File.ReadAllText(file);
            var parsed = YamlReader.ReadAll(text, file, bag, first);
            expected[file] = Dump(parsed);
        }

        var next = YamlParseCache.FromPack(first.ToPack());
        var mismatched = files.Where(f => Dump(YamlReader.ReadAll(File.ReadAllText(f), f, new DiagnosticBag(), next)) != expected[f]).ToList();

        files.Count.ShouldBeGreaterThan(300);
        mismatched.ShouldBeEmpty();
        next.Reused.ShouldBeGreaterThan(files.Count * 9 / 10, "nearly every file parses without a diagnostic, so nearly every one is kept");
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "HomeOps.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("HomeOps.slnx not found above the test folder");
    }

    /// <summary>Every node with every field the reader sets, one line each.</summary>
    internal static string Dump(IReadOnlyList<YamlNode> documents)
    {
        var text = new StringBuilder();
        foreach (var document in documents)
        {
            Append(text, document, 0);
        }

        return text.ToString();
    }

    private static void Append(StringBuilder text, YamlNode node, int depth)
    {
        var span = node.Span;
        text.Append(' ', depth * 2).Append($"{span.Path}:{span.Line}:{span.Column}-{span.EndLine}:{span.EndColumn} ");
        switch (node)
        {
            case YamlScalar s:
                text.Append($"scalar \"{s.Value.Replace("\n", "\\n", StringComparison.Ordinal)}\"{(s.IsPlain ? " plain" : " quoted")}{(s.IsFolded ? " folded" : "")}{(s.Tag is null ? "" : " tag=" + s.Tag)}\n");
                break;
            case YamlSequence q:
                text.Append($"sequence {q.Items.Count}\n");
                foreach (var item in q.Items)
                {
                    Append(text, item, depth + 1);
                }

                break;
            case YamlMapping m:
                text.Append($"mapping {m.Entries.Count}\n");
                foreach (var entry in m.Entries)
                {
                    Append(text, entry.Key, depth + 1);
                    Append(text, entry.Value, depth + 2);
                }

                break;
        }
    }
}
