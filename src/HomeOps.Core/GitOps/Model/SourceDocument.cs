using HomeOps.Core.Diagnostics;
using HomeOps.Core.Yaml;

namespace HomeOps.Core.GitOps.Model;

/// <summary>
/// Where an object was written: a document in a tracked file, read with positions. Rendered objects point back to
/// it so diagnostics name the line the user wrote, not a line of kustomize's output.
/// </summary>
public sealed record SourceDocument(string File, YamlNode Root)
{
    /// <summary>The span of the node at <paramref name="path"/>, or of the deepest part of it the source has (a patch or a
    /// generator may have added the rest).</summary>
    public SourceSpan Locate(IReadOnlyList<object> path)
    {
        if (YamlAccess.KeyAt(Root, path) is { } key)
        {
            return key.Span;
        }

        var node = YamlAccess.Deepest(Root, path, out _);
        return node is YamlMapping m && m.Entries.Count > 0 ? m.Entries[0].Key.Span : node.Span;
    }
}
