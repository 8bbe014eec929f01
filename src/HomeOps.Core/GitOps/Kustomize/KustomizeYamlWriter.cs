using System.Globalization;
using System.Text;

namespace HomeOps.Core.GitOps.Kustomize;

/// <summary>
/// Prints a resource the way `kubectl kustomize` does, byte for byte. kustomize turns each resource into JSON and
/// that into YAML with sigs.k8s.io/yaml's JSONToYAML (api/resource/resource.go AsYAML), which re-reads the JSON and
/// prints it with go-yaml v2: keys sorted by v2's natural order (goyaml.v2/sorter.go), strings plain unless they
/// would read as another type (encode.go stringv), then libyaml's emitter rules (emitterc.go): indent 2, sequences
/// in mappings not indented, long plain and quoted strings folded past column 80, multi-line strings as literal
/// blocks. Values are the JSON model of <see cref="KustomizeValues"/>: maps, lists, strings, longs, doubles, bools, null.
/// </summary>
internal sealed partial class KustomizeYamlWriter
{
    private const int BestWidth = 80;
    private const int BestIndent = 2;

    private readonly StringBuilder _out = new();
    private int _column;

    /// <summary>One resource as a YAML document (no "---"), ending in a newline.</summary>
    public static string Write(Dictionary<string, object?> resource)
    {
        var writer = new KustomizeYamlWriter();
        writer.WriteMapEntries(resource, indent: 0, firstOnCurrentLine: false);
        writer.BreakLine();
        return writer._out.ToString();
    }

    private void WriteMapEntries(Dictionary<string, object?> map, int indent, bool firstOnCurrentLine)
    {
        var first = true;
        foreach (var key in SortedKeys(map))
        {
            if (!(first && firstOnCurrentLine))
            {
                BreakLine();
                Pad(indent);
            }

            first = false;
            WriteKey(key);
            Put(":");
            WriteValue(map[key], indent);
        }
    }

    /// <summary>A mapping value or sequence item, after "key:" or "-"; <paramref name="indent"/> is the container's.</summary>
    private void WriteValue(object? value, int indent)
    {
        switch (value)
        {
            case Dictionary<string, object?> { Count: 0 }:
                Put(" {}");
                break;
            case List<object?> { Count: 0 }:
                Put(" []");
                break;
            case Dictionary<string, object?> map:
                WriteMapEntries(map, indent + BestIndent, firstOnCurrentLine: false);
                break;
            case List<object?> list:
                // A sequence in a mapping is not indented (libyaml's indentless sequence in a mapping context).
                WriteSequence(list, indent);
                break;
            default:
                Put(" ");
                WriteScalar(value, indent + BestIndent);
                break;
        }
    }

    private void WriteSequence(List<object?> list, int indent)
    {
        foreach (var item in list)
        {
            BreakLine();
            Pad(indent);
            Put("-");
            switch (item)
            {
                case Dictionary<string, object?> { Count: > 0 } map:
                    Put(" ");
                    WriteMapEntries(map, indent + BestIndent, firstOnCurrentLine: true);
                    break;
                case List<object?> { Count: > 0 }:
                    throw new KustomizeUnsupportedException("a sequence directly inside a sequence");
                default:
                    WriteValue(item, indent);
                    break;
            }
        }
    }

    private void WriteKey(string key)
    {
        if (Encoding.UTF8.GetByteCount(key) > 128 || key.Contains('\n', StringComparison.Ordinal))
        {
            throw new KustomizeUnsupportedException($"the long or multi-line key '{key}'");
        }

        var analysis = ScalarAnalysis.Of(key);
        var style = GoYamlResolve.NeedsQuotesV2(key) ? Style.DoubleQuoted : Style.Plain;
        WriteString(key, Resolve(style, analysis, simpleKey: true), indent: 0, allowBreaks: false);
    }

    private void WriteScalar(object? value, int indent)
    {
        switch (value)
        {
            case null:
                Put("null");
                break;
            case bool b:
                Put(b ? "true" : "false");
                break;
            case long l:
                Put(l.ToString(CultureInfo.InvariantCulture));
                break;
            case double d:
                Put(FormatFloat(d));
                break;
            case string s:
                var requested = s.Contains('\n', StringComparison.Ordinal) ? Style.Literal : GoYamlResolve.NeedsQuotesV2(s) ? Style.DoubleQuoted : Style.Plain;
                WriteString(s, Resolve(requested, ScalarAnalysis.Of(s), simpleKey: false), indent, allowBreaks: true);
                break;
            default:
                throw new KustomizeUnsupportedException($"a value of type {value.GetType().Name}");
        }
    }

    /// <summary>
    /// A double after kustomize's JSON round trip: encoding/json prints it in the shortest form, go-yaml reads an
    /// integral one back as an int and prints the others with strconv 'g' (exponent form from 1e6 on).
    /// </summary>
    private static string FormatFloat(double d)
    {
        if (double.IsInteger(d) && Math.Abs(d) < 9e15 && !(d == 0 && double.IsNegative(d)))
        {
            return ((long)d).ToString(CultureInfo.InvariantCulture);
        }

        var abs = Math.Abs(d);
        if (!double.IsFinite(d) || abs < 1e-4 || abs >= 1e6)
        {
            throw new KustomizeUnsupportedException($"the number {d.ToString("R", CultureInfo.InvariantCulture)}");
        }

        return d.ToString("R", CultureInfo.InvariantCulture);
    }

    private enum Style
    {
        Plain,
        SingleQuoted,
        DoubleQuoted,
        Literal,
    }

    /// <summary>libyaml's yaml_emitter_select_scalar_style for a block context without tags.</summary>
    private static Style Resolve(Style style, ScalarAnalysis a, bool simpleKey)
    {
        if (simpleKey && a.Multiline)
        {
            style = Style.DoubleQuoted;
        }

        if (style == Style.Plain && (!a.BlockPlainAllowed || (a.Empty && simpleKey)))
        {
            style = Style.SingleQuoted;
        }

        if (style == Style.SingleQuoted && !a.SingleQuotedAllowed)
        {
            style = Style.DoubleQuoted;
        }

        if (style == Style.Literal && (!a.BlockAllowed || simpleKey))
        {
            style = Style.DoubleQuoted;
        }

        return style;
    }

    private void WriteString(string value, Style style, int indent, bool allowBreaks)
    {
        switch (style)
        {
            case Style.Plain:
                WriteFolded(value, indent, allowBreaks, quote: null);
                break;
            case Style.SingleQuoted:
                WriteFolded(value, indent, allowBreaks, quote: '\'');
                break;
            case Style.DoubleQuoted:
                WriteDoubleQuoted(value, indent, allowBreaks);
                break;
            default:
                WriteLiteral(value, indent);
                break;
        }
    }

    /// <summary>libyaml's write_indent: a line break unless the last scalar (a literal block) already ended the line.</summary>
    private void BreakLine()
    {
        if (_column > 0)
        {
            NewLine();
        }
    }

    private void NewLine()
    {
        _out.Append('\n');
        _column = 0;
    }

    private void Pad(int indent)
    {
        while (_column < indent)
        {
            _out.Append(' ');
            _column++;
        }
    }

    /// <summary>Appends text without line breaks; the column counts characters (code points), as libyaml does.</summary>
    private void Put(string text)
    {
        _out.Append(text);
        _column += CodePoints(text);
    }

    private void PutRune(Rune rune)
    {
        _out.Append(rune.ToString());
        _column++;
    }

    private static int CodePoints(string text)
    {
        var count = 0;
        foreach (var _ in text.EnumerateRunes())
        {
            count++;
        }

        return count;
    }
}
