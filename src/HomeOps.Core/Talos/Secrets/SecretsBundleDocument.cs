using HomeOps.Core.Diagnostics;

namespace HomeOps.Core.Talos.Secrets;

/// <summary>A bundle read from text, with where each value was written (for diagnostics).</summary>
public sealed record SecretsBundleDocument(TalosSecretsBundle Bundle, string Path, IReadOnlyDictionary<string, SourceSpan> Spans)
{
    public SourceSpan SpanOf(string key) => Spans.TryGetValue(key, out var span) ? span : SourceSpan.File(Path);
}
