using HomeOps.Core.Diagnostics;

namespace HomeOps.Core.Talos.Documents;

public enum OriginLayer
{
    /// <summary>What `talosctl gen config` emits for Talos v1.10.</summary>
    Defaults,

    /// <summary>Derived from a cluster.yaml value.</summary>
    ClusterConfig,

    /// <summary>Written in a patch file under talos/patches.</summary>
    Patch,

    /// <summary>A value from the secrets bundle.</summary>
    Secrets,
}

/// <summary>Where a rendered value came from, so a diagnostic about it points at the file and line that set it.</summary>
public sealed record NodeOrigin(OriginLayer Layer, SourceSpan Span)
{
    public static NodeOrigin Defaults(SourceSpan clusterFile) => new(OriginLayer.Defaults, clusterFile);

    public override string ToString() => Layer switch
    {
        OriginLayer.Patch => Span.ToString(),
        OriginLayer.ClusterConfig => $"{Span} (cluster.yaml)",
        OriginLayer.Secrets => "the secrets bundle",
        _ => "Talos defaults",
    };
}
