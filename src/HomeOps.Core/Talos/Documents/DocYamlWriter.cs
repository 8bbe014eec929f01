using System.Text;
using HomeOps.Core.Yaml;

namespace HomeOps.Core.Talos.Documents;

public enum SecretHandling
{
    /// <summary>Write secret values (files that go to nodes). A document rendered without secrets cannot be written.</summary>
    Include,

    /// <summary>Write &lt;secret:NAME&gt; instead of each secret (terminal output, golden files, diffs).</summary>
    Redact,
}

/// <summary>
/// Writes documents as YAML the way talosctl does (Go yaml.v3, 4-space indent, sequences indented under their key,
/// empty collections as {} and []), joined with "---" when there are several.
/// </summary>
public static class DocYamlWriter
{
    public static string Write(IEnumerable<DocMap> documents, SecretHandling secrets)
    {
        var text = new StringBuilder();
        var first = true;
        foreach (var document in documents)
        {
            if (!first)
            {
                text.Append("---\n");
            }

            first = false;
            WriteDocument(text, document, secrets);
        }

        return text.ToString();
    }

    public static string Write(DocMap document, SecretHandling secrets)
    {
        var text = new StringBuilder();
        WriteDocument(text, document, secrets);
        return text.ToString();
    }

    /// <summary>The text of a scalar or secret as it would appear after "key: ".</summary>
    public static string ScalarText(DocNode node, SecretHandling secrets) => node switch
    {
        DocScalar s => s.Kind == ScalarKind.String ? YamlScalarStyle.Quote(s.Value) : s.Value,
        DocSecret s => SecretText(s, secrets),
        _ => throw new ArgumentException("not a scalar", nameof(node)),
    };

    private static void WriteDocument(StringBuilder text, DocMap document, SecretHandling secrets)
    {
        if (document.Entries.Count == 0)
        {
            text.Append("{}\n");
            return;
        }

        WriteEntries(text, document, keyColumn: 0, childIndent: 4, firstInline: false, secrets);
    }

    private static void WriteEntries(StringBuilder text, DocMap map, int keyColumn, int childIndent, bool firstInline, SecretHandling secrets)
    {
        for (var i = 0; i < map.Entries.Count; i++)
        {
            var entry = map.Entries[i];
            if (i > 0 || !firstInline)
            {
                text.Append(' ', keyColumn);
            }

            text.Append(YamlScalarStyle.Quote(entry.Key)).Append(':');
            WriteValue(text, entry.Value, childIndent, secrets);
        }
    }

    private static void WriteValue(StringBuilder text, DocNode value, int childIndent, SecretHandling secrets)
    {
        switch (value)
        {
            case DocMap { Entries.Count: 0 }:
                text.Append(" {}\n");
                break;
            case DocList { Items.Count: 0 }:
                text.Append(" []\n");
                break;
            case DocMap map:
                text.Append('\n');
                WriteEntries(text, map, childIndent, childIndent + 4, firstInline: false, secrets);
                break;
            case DocList list:
                text.Append('\n');
                WriteItems(text, list, childIndent, secrets);
                break;
            case DocScalar { Kind: ScalarKind.String } s when YamlScalarStyle.LiteralAllowed(s.Value):
                text.Append(' ');
                WriteLiteral(text, s.Value, childIndent);
                break;
            default:
                text.Append(' ').Append(ScalarText(value, secrets)).Append('\n');
                break;
        }
    }

    private static void WriteItems(StringBuilder text, DocList list, int dashColumn, SecretHandling secrets)
    {
        foreach (var item in list.Items)
        {
            text.Append(' ', dashColumn).Append('-');
            switch (item)
            {
                case DocMap { Entries.Count: > 0 } map:
                    text.Append(' ');
                    WriteEntries(text, map, dashColumn + 2, dashColumn + 4, firstInline: true, secrets);
                    break;
                default:
                    WriteValue(text, item, dashColumn + 4, secrets);
                    break;
            }
        }
    }

    private static void WriteLiteral(StringBuilder text, string value, int indent)
    {
        var trailing = value.Length - value.TrimEnd('\n').Length;
        text.Append(trailing switch { 0 => "|-", 1 => "|", _ => "|+" }).Append('\n');
        var body = trailing == 0 ? value : value[..^1];
        foreach (var line in body.Split('\n'))
        {
            if (line.Length > 0)
            {
                text.Append(' ', indent).Append(line);
            }

            text.Append('\n');
        }
    }

    private static string SecretText(DocSecret secret, SecretHandling secrets)
    {
        if (secrets == SecretHandling.Redact)
        {
            return $"<secret:{secret.Name}>";
        }

        // A structural render (no bundle loaded) must never be written as if it were complete.
        return secret.Value is null
            ? throw new InvalidOperationException($"The document was rendered without secrets; '{secret.Name}' has no value to write")
            : YamlScalarStyle.Quote(secret.Value);
    }
}
