using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace HomeOps.Core.Yaml;

/// <summary>
/// Writes <see cref="YamlNode"/> trees back to YAML: block style, keys in their original order, plain scalars kept
/// plain (so numbers stay numbers) and strings quoted only when they would otherwise read as something else.
/// One writer so rendered objects, values files and diffs all look the same.
/// </summary>
public static class YamlWriter
{
    public static string Write(YamlNode node, Func<IReadOnlyList<string>, string, bool>? skipKey = null)
    {
        using var writer = new StringWriter();
        var emitter = new Emitter(writer, new EmitterSettings(2, int.MaxValue, false, 1024, indentSequences: false));
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart(null, null, isImplicit: true));
        Emit(emitter, node, [], skipKey);
        emitter.Emit(new DocumentEnd(isImplicit: true));
        emitter.Emit(new StreamEnd());
        return writer.ToString().Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    /// <summary>Several documents separated by <c>---</c>.</summary>
    public static string WriteAll(IEnumerable<YamlNode> nodes) => string.Join("---\n", nodes.Select(n => Write(n)));

    private static void Emit(IEmitter emitter, YamlNode node, List<string> path, Func<IReadOnlyList<string>, string, bool>? skipKey)
    {
        switch (node)
        {
            case YamlMapping m:
                var entries = m.Entries.Where(e => skipKey is null || !skipKey(path, e.Key.Value)).ToList();
                emitter.Emit(new MappingStart(null, null, isImplicit: true, entries.Count == 0 ? MappingStyle.Flow : MappingStyle.Block));
                foreach (var entry in entries)
                {
                    EmitScalar(emitter, new YamlScalar(entry.Key.Span, entry.Key.Value, isPlain: false, tag: null));
                    path.Add(entry.Key.Value);
                    Emit(emitter, entry.Value, path, skipKey);
                    path.RemoveAt(path.Count - 1);
                }

                emitter.Emit(new MappingEnd());
                break;
            case YamlSequence s:
                emitter.Emit(new SequenceStart(null, null, isImplicit: true, s.Items.Count == 0 ? SequenceStyle.Flow : SequenceStyle.Block));
                foreach (var item in s.Items)
                {
                    Emit(emitter, item, path, skipKey);
                }

                emitter.Emit(new SequenceEnd());
                break;
            case YamlScalar scalar:
                EmitScalar(emitter, scalar);
                break;
        }
    }

    private static void EmitScalar(IEmitter emitter, YamlScalar scalar)
    {
        if (scalar.IsPlain && scalar.Tag is null)
        {
            emitter.Emit(new Scalar(null, null, scalar.IsNull ? "null" : scalar.Value, ScalarStyle.Plain, isPlainImplicit: true, isQuotedImplicit: false));
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

        emitter.Emit(new Scalar(null, null, value, style, isPlainImplicit: style == ScalarStyle.Any, isQuotedImplicit: true));
    }

    // YAML 1.1 readers (kustomize's kyaml among them) take these as booleans; quote them so every reader agrees.
    private static bool LooksSpecial(string value) =>
        value is "y" or "Y" or "yes" or "Yes" or "YES" or "n" or "N" or "no" or "No" or "NO" or "on" or "On" or "ON" or "off" or "Off" or "OFF"
        || value.StartsWith("0", StringComparison.Ordinal) && value.Length > 1 && value.All(char.IsAsciiDigit);
}
