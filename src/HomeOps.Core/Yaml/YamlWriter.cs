using HomeOps.Core.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace HomeOps.Core.Yaml;

/// <summary>
/// The one writer of the YAML HomeOps generates in its own style (YamlDotNet's emitter underneath): the files
/// derived from cluster.yaml, kustomize overlays, rendered objects, values files and diffs. Either write a
/// <see cref="YamlNode"/> tree (<see cref="Write(YamlNode, Func{IReadOnlyList{string}, string, bool}?)"/>), or build
/// a stream of documents with comments by calls in document order (mappings and sequences opened and closed, keys,
/// scalars in the style asked for). Block style, indent 2; sequences under a key are indented unless asked otherwise.
/// Two writers copy another program's bytes on purpose and are not this one: the Talos documents
/// (<c>Talos/Documents/DocYamlWriter</c>, talosctl's yaml.v3) and the in-process kustomize
/// (<c>GitOps/Kustomize/KustomizeYamlWriter</c>, kustomize's go-yaml v2).
/// </summary>
public sealed partial class YamlWriter
{
    private static readonly SourceSpan s_written = SourceSpan.File("(written)");
    private readonly StringWriter _text = new();
    private readonly Emitter _emitter;
    private int _depth;
    private bool _inDocument;
    private bool _finished;

    /// <param name="indentSequences">True for "key:\n  - item" (Kubernetes manifests), false for "key:\n- item" (kubectl and kustomize output).</param>
    public YamlWriter(bool indentSequences = true)
    {
        _emitter = new Emitter(_text, new EmitterSettings(2, int.MaxValue, false, 1024, indentSequences: indentSequences));
        _emitter.Emit(new StreamStart());
    }

    /// <summary>A comment line ("# text") before what is written next; at the top, before the next document.</summary>
    public YamlWriter Comment(string text)
    {
        _emitter.Emit(new YamlDotNet.Core.Events.Comment(text, isInline: false));
        return this;
    }

    /// <summary>Starts a document with an explicit "---" (a document without one starts at its first node).</summary>
    public YamlWriter Document()
    {
        EndDocument();
        _emitter.Emit(new DocumentStart(null, null, isImplicit: false));
        _inDocument = true;
        return this;
    }

    public YamlWriter Map() => Open(new MappingStart(null, null, isImplicit: true, MappingStyle.Block));

    public YamlWriter EndMap() => Close(new MappingEnd());

    public YamlWriter List() => Open(new SequenceStart(null, null, isImplicit: true, SequenceStyle.Block));

    /// <summary>A sequence on one line, such as [originAnnotations].</summary>
    public YamlWriter FlowList(params string[] items)
    {
        Open(new SequenceStart(null, null, isImplicit: true, SequenceStyle.Flow));
        foreach (var item in items)
        {
            Plain(item);
        }

        return Close(new SequenceEnd());
    }

    public YamlWriter EndList() => Close(new SequenceEnd());

    /// <summary>A mapping key (written plain when it can be).</summary>
    public YamlWriter Key(string key) => Plain(key);

    /// <summary>A scalar written as is, so a reader types it (names, numbers, booleans); quoted only if it cannot be plain.</summary>
    public YamlWriter Plain(string value) => Scalar(value, ScalarStyle.Plain, plainImplicit: true);

    /// <summary>A string in double quotes, escaped as needed.</summary>
    public YamlWriter DoubleQuoted(string value) => Scalar(value, ScalarStyle.DoubleQuoted, plainImplicit: false);

    /// <summary>A string in single quotes (for text full of double quotes, such as JSON).</summary>
    public YamlWriter SingleQuoted(string value) => Scalar(value, ScalarStyle.SingleQuoted, plainImplicit: false);

    /// <summary>A multi-line string as a literal block (|).</summary>
    public YamlWriter Literal(string value) => Scalar(value, ScalarStyle.Literal, plainImplicit: false);

    /// <summary>"key: value" with a plain value.</summary>
    public YamlWriter Entry(string key, string value) => Key(key).Plain(value);

    /// <summary>A string that every reader reads back as this string: plain when it can be, quoted when plain text would read as a number, a boolean or null.</summary>
    public YamlWriter Text(string value)
    {
        EmitScalar(new YamlScalar(s_written, value, isPlain: false, tag: null));
        return this;
    }

    /// <summary>"key: value" with a string value (see <see cref="Text"/>).</summary>
    public YamlWriter TextEntry(string key, string value) => Key(key).Text(value);

    /// <summary>The YAML text: every document closed, line ends "\n".</summary>
    public override string ToString()
    {
        if (!_finished)
        {
            EndDocument();
            _emitter.Emit(new StreamEnd());
            _finished = true;
        }

        return _text.ToString().Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    private YamlWriter Scalar(string value, ScalarStyle style, bool plainImplicit)
    {
        BeginNode();
        _emitter.Emit(new Scalar(null, null, value, style, plainImplicit, isQuotedImplicit: !plainImplicit));
        return this;
    }

    private YamlWriter Open(ParsingEvent start)
    {
        BeginNode();
        _emitter.Emit(start);
        _depth++;
        return this;
    }

    private YamlWriter Close(ParsingEvent end)
    {
        _emitter.Emit(end);
        _depth--;
        return this;
    }

    private void BeginNode()
    {
        if (_finished)
        {
            throw new InvalidOperationException("The YAML text was already taken");
        }

        if (!_inDocument)
        {
            _emitter.Emit(new DocumentStart(null, null, isImplicit: true));
            _inDocument = true;
        }
    }

    private void EndDocument()
    {
        if (_inDocument && _depth == 0)
        {
            _emitter.Emit(new DocumentEnd(isImplicit: true));
            _inDocument = false;
        }
    }
}
