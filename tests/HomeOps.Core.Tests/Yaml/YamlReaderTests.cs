using HomeOps.Core.Diagnostics;
using HomeOps.Core.Yaml;

namespace HomeOps.Core.Tests.Yaml;

public sealed class YamlReaderTests
{
    [Fact]
    public void ReadSingle_NestedValue_KeepsOneBasedLineAndColumn()
    {
        var bag = new DiagnosticBag();
        var root = (YamlMapping)YamlReader.ReadSingle("a:\n  b: hello\n  c:\n    - x\n", "f.yaml", bag)!;

        var b = ((YamlMapping)root["a"]!)["b"]!;
        b.Span.ShouldBe(new SourceSpan("f.yaml", 2, 6, 2, 11));
        var item = ((YamlSequence)((YamlMapping)root["a"]!)["c"]!).Items[0];
        item.Span.Line.ShouldBe(4);
        item.Span.Column.ShouldBe(7);
        bag.Count.ShouldBe(0);
    }

    [Fact]
    public void ReadSingle_DuplicateKey_ReportsSecondOccurrenceAndKeepsFirst()
    {
        var bag = new DiagnosticBag();
        var root = (YamlMapping)YamlReader.ReadSingle("name: one\nother: 1\nname: two\n", "f.yaml", bag)!;

        bag.Items.Single().Code.ShouldBe("HO0004");
        bag.Items.Single().Location.Line.ShouldBe(3);
        bag.Items.Single().Location.Column.ShouldBe(1);
        bag.Items.Single().Message.ShouldContain("first at line 1");
        ((YamlScalar)root["name"]!).Value.ShouldBe("one");
    }

    [Fact]
    public void ReadSingle_SyntaxError_IsDiagnosticWithLocationNotException()
    {
        var bag = new DiagnosticBag();
        var root = YamlReader.ReadSingle("a: [1, 2\nb: c\n", "f.yaml", bag);

        root.ShouldBeNull();
        var d = bag.Items.Single();
        d.Code.ShouldBe("HO0003");
        d.Location.Line.ShouldBeGreaterThanOrEqualTo(1);
        d.Message.ShouldNotContain("(Line:");
    }

    [Fact]
    public void ReadSingle_TabIndentation_IsSyntaxError()
    {
        var bag = new DiagnosticBag();
        YamlReader.ReadSingle("a:\n\tb: 1\n", "f.yaml", bag).ShouldBeNull();
        bag.Items.Single().Code.ShouldBe("HO0003");
        bag.Items.Single().Location.Line.ShouldBe(2);
    }

    [Fact]
    public void ReadSingle_TooDeep_IsDiagnostic()
    {
        var text = new string('[', YamlReader.MaxDepth + 5) + new string(']', YamlReader.MaxDepth + 5);
        var bag = new DiagnosticBag();
        YamlReader.ReadSingle(text, "f.yaml", bag).ShouldBeNull();
        bag.Items.Single().Code.ShouldBe("HO0005");
    }

    [Fact]
    public void ReadSingle_AliasToKnownAnchor_ResolvesToSameNode()
    {
        var bag = new DiagnosticBag();
        var root = (YamlMapping)YamlReader.ReadSingle("a: &x hello\nb: *x\n", "f.yaml", bag)!;
        ((YamlScalar)root["b"]!).Value.ShouldBe("hello");
        bag.Count.ShouldBe(0);
    }

    [Fact]
    public void ReadSingle_UnknownAlias_IsDiagnostic()
    {
        var bag = new DiagnosticBag();
        YamlReader.ReadSingle("a: b\nc: *nope\n", "f.yaml", bag);
        bag.Items.ShouldContain(d => d.Code == "HO0009" || d.Code == "HO0003");
    }

    [Theory]
    [InlineData("? [a, b]\n: 1\n", 1, 3, "sequence")]
    [InlineData("x: 1\n? {k: v}\n: 2\n", 2, 3, "mapping")]
    public void ReadSingle_NonScalarKey_IsComplexKeyDiagnosticAtTheKey(string text, int line, int column, string kind)
    {
        var bag = new DiagnosticBag();
        var root = (YamlMapping)YamlReader.ReadSingle(text, "f.yaml", bag)!;

        var diagnostic = bag.Items.ShouldHaveSingleItem();
        diagnostic.Code.ShouldBe("HO0008");
        diagnostic.Message.ShouldContain(kind);
        (diagnostic.Location.Line, diagnostic.Location.Column).ShouldBe((line, column));
        root.Entries.ShouldAllBe(e => e.Key.Value != string.Empty, "the complex key is dropped, the rest of the mapping kept");
    }

    [Theory]
    [InlineData("", "HO0007")]
    [InlineData("# only a comment\n", "HO0007")]
    [InlineData("a: 1\n---\nb: 2\n", "HO0006")]
    public void ReadSingle_NotExactlyOneDocument_IsDiagnostic(string text, string code)
    {
        var bag = new DiagnosticBag();
        YamlReader.ReadSingle(text, "f.yaml", bag).ShouldBeNull();
        bag.Items.Single().Code.ShouldBe(code);
    }

    [Fact]
    public void ReadAll_MultipleDocuments_ReturnsEach()
    {
        var bag = new DiagnosticBag();
        var docs = YamlReader.ReadAll("a: 1\n---\nb: 2\n---\nc: 3\n", "f.yaml", bag);
        docs.Count.ShouldBe(3);
        docs[2].Span.Line.ShouldBe(5);
    }

    [Theory]
    [InlineData("42", ScalarKind.Integer)]
    [InlineData("0x1F", ScalarKind.Integer)]
    [InlineData("-7", ScalarKind.Integer)]
    [InlineData("1.5", ScalarKind.Float)]
    [InlineData("true", ScalarKind.Boolean)]
    [InlineData("~", ScalarKind.Null)]
    [InlineData("null", ScalarKind.Null)]
    [InlineData("yes", ScalarKind.String)]
    [InlineData("10.0.0.1", ScalarKind.String)]
    [InlineData("v1.10.5", ScalarKind.String)]
    public void Classify_PlainScalar_FollowsYaml12CoreSchema(string text, ScalarKind kind)
    {
        var bag = new DiagnosticBag();
        var root = (YamlMapping)YamlReader.ReadSingle($"v: {text}\n", "f.yaml", bag)!;
        ScalarKinds.Classify((YamlScalar)root["v"]!).ShouldBe(kind);
    }

    [Fact]
    public void Classify_QuotedNumber_IsString()
    {
        var root = (YamlMapping)YamlReader.ReadSingle("v: \"42\"\n", "f.yaml", new DiagnosticBag())!;
        ScalarKinds.Classify((YamlScalar)root["v"]!).ShouldBe(ScalarKind.String);
    }
}
