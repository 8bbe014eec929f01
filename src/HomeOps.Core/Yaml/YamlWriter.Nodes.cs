using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace HomeOps.Core.Yaml;

/// <summary>Writing <see cref="YamlNode"/> trees: keys in their original order, plain scalars kept plain (so numbers stay numbers), strings quoted only when they would otherwise read as something else.</summary>
public sealed partial class YamlWriter
{
    /// <summary>One node as a document without "---", sequences not indented (the style of kubectl's output).</summary>
    /// <param name="skipKey">Leaves out a mapping key, given the keys above it and the key.</param>
    public static string Write(YamlNode node, Func<IReadOnlyList<string>, string, bool>? skipKey = null) =>
        new YamlWriter(indentSequences: false).Node(node, skipKey).ToString();

    /// <summary>Several documents separated by <c>---</c>.</summary>
    public static string WriteAll(IEnumerable<YamlNode> nodes) => string.Join("---\n", nodes.Select(n => Write(n)));

    /// <summary>A node and everything under it.</summary>
    public YamlWriter Node(YamlNode node, Func<IReadOnlyList<string>, string, bool>? skipKey = null)
    {
        Emit(node, [], skipKey);
        return this;
    }

    private void Emit(YamlNode node, List<string> path, Func<IReadOnlyList<string>, string, bool>? skipKey)
    {
        switch (node)
        {
            case YamlMapping m:
                var entries = m.Entries.Where(e => skipKey is null || !skipKey(path, e.Key.Value)).ToList();
                Open(new MappingStart(null, null, isImplicit: true, entries.Count == 0 ? MappingStyle.Flow : MappingStyle.Block));
                foreach (var entry in entries)
                {
                    EmitScalar(new YamlScalar(entry.Key.Span, entry.Key.Value, isPlain: false, tag: null));
                    path.Add(entry.Key.Value);
                    Emit(entry.Value, path, skipKey);
                    path.RemoveAt(path.Count - 1);
                }

                Close(new MappingEnd());
                break;
            case YamlSequence s:
                Open(new SequenceStart(null, null, isImplicit: true, s.Items.Count == 0 ? SequenceStyle.Flow : SequenceStyle.Block));
                foreach (var item in s.Items)
                {
                    Emit(item, path, skipKey);
                }

                Close(new SequenceEnd());
                break;
            case YamlScalar scalar:
                EmitScalar(scalar);
                break;
        }
    }

    private void EmitScalar(YamlScalar scalar)
    {
        if (scalar.IsPlain && scalar.Tag is null)
        {
            Scalar(scalar.IsNull ? "null" : scalar.Value, ScalarStyle.Plain, plainImplicit: true);
            return;
        }

        var value = scalar.Value;
        var style = ScalarStyle.Any;
        if (value.Contains('\n', StringComparison.Ordinal) && !value.Any(c => char.IsControl(c) && c != '\n') && !value.EndsWith(' '))
        {
            style = ScalarStyle.Literal;
        }
        else if (ScalarKinds.Classify(new YamlScalar(scalar.Span, value, isPlain: true, tag: null)) != ScalarKind.String
            || value.Length == 0 || value.Trim() != value || LooksSpecial(value))
        {
            style = ScalarStyle.DoubleQuoted;
        }

        BeginNode();
        _emitter.Emit(new Scalar(null, null, value, style, isPlainImplicit: style == ScalarStyle.Any, isQuotedImplicit: true));
    }

    // YAML 1.1 readers (kustomize's kyaml among them) take these as booleans, octal or base-60 numbers (12:30); quote them so every reader agrees.
    private static bool LooksSpecial(string value) =>
        YamlScalarStyle.ReadsAsYaml11NonString(value)
        || value.StartsWith("0", StringComparison.Ordinal) && value.Length > 1 && value.All(char.IsAsciiDigit);
}
