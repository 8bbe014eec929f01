using HomeOps.Core.Diagnostics;
using HomeOps.Core.Talos.Documents;

namespace HomeOps.Core.Talos.Rendering;

/// <summary>The rendered configs of every node, the talosconfig (when secrets were loaded) and every diagnostic found.</summary>
public sealed record TalosRenderResult(IReadOnlyList<RenderedNode> Nodes, DocMap? Talosconfig, IReadOnlyList<Diagnostic> Diagnostics, int PatchFiles)
{
    public const string TalosconfigFileName = "talosconfig";

    public bool HasErrors => Diagnostics.Any(d => d.IsError);

    /// <summary>True when secret values are present, so the files can be written for nodes.</summary>
    public bool HasSecrets => Talosconfig is not null;

    /// <summary>Output file name → content: one file per node, then talosconfig.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Files(SecretHandling secrets)
    {
        var files = Nodes.Select(n => new KeyValuePair<string, string>(n.FileName, n.Yaml(secrets))).ToList();
        if (Talosconfig is not null)
        {
            files.Add(new(TalosconfigFileName, DocYamlWriter.Write(Talosconfig, secrets)));
        }

        return files;
    }
}
