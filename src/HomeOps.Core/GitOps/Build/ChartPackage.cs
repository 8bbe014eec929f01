using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using HomeOps.Core.Diagnostics;
using HomeOps.Core.GitOps.Model;
using HomeOps.Core.Yaml;

namespace HomeOps.Core.GitOps.Build;

/// <summary>
/// What a chart says about its values, read from its files: a chart archive (.tgz, as <c>helm package</c> writes it)
/// or a chart folder's files. Reads Chart.yaml, values.yaml, values.schema.json, the templates' text, and the subcharts
/// bundled in charts/ (folders or archives), keyed by the alias or name their Chart.yaml dependency gives them.
/// </summary>
public static class ChartPackage
{
    /// <summary>Files larger than this are skipped (no chart's values, schema or template comes near it).</summary>
    public const long MaxFileBytes = 4 * 1024 * 1024;

    /// <summary>The chart in a .tgz archive, or null when it holds no readable chart.</summary>
    public static ChartContent? FromArchive(byte[] archive)
    {
        try
        {
            return FromFiles(Unpack(archive));
        }
        catch (Exception e) when (e is InvalidDataException or FormatException or EndOfStreamException or IOException)
        {
            return null;
        }
    }

    /// <summary>The chart in a set of files by their path ('/'-separated, relative to the chart folder or the archive root), or null.</summary>
    public static ChartContent? FromFiles(IReadOnlyDictionary<string, byte[]> files)
    {
        var root = files.Keys.Where(k => k == "Chart.yaml" || k.EndsWith("/Chart.yaml", StringComparison.Ordinal)).OrderBy(k => k.Length).FirstOrDefault();
        return root is null ? null : Build(files, root[..^"Chart.yaml".Length]);
    }

    /// <summary>Whether a chart file matters here: Chart.yaml, values.yaml, values.schema.json, templates, bundled subchart archives.</summary>
    public static bool Wanted(string path) =>
        path.EndsWith("Chart.yaml", StringComparison.Ordinal) || path.EndsWith("values.yaml", StringComparison.Ordinal)
        || path.EndsWith("values.schema.json", StringComparison.Ordinal) || path.Contains("/templates/", StringComparison.Ordinal)
        || path.StartsWith("templates/", StringComparison.Ordinal) || (path.Contains("charts/", StringComparison.Ordinal) && path.EndsWith(".tgz", StringComparison.Ordinal));

    private static Dictionary<string, byte[]> Unpack(byte[] archive)
    {
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        using var gzip = new GZipStream(new MemoryStream(archive), CompressionMode.Decompress);
        using var tar = new TarReader(gzip);
        while (tar.GetNextEntry() is { } entry)
        {
            if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile) || entry.DataStream is null || entry.Length > MaxFileBytes || !Wanted(entry.Name))
            {
                continue;
            }

            using var buffer = new MemoryStream();
            entry.DataStream.CopyTo(buffer);
            files[entry.Name] = buffer.ToArray();
        }

        return files;
    }

    /// <param name="prefix">The chart's folder inside <paramref name="files"/>, ending in '/' (or empty).</param>
    private static ChartContent Build(IReadOnlyDictionary<string, byte[]> files, string prefix)
    {
        var chartYaml = YamlReader.ReadSingle(Text(files, prefix + "Chart.yaml") ?? string.Empty, "Chart.yaml", new DiagnosticBag()) as YamlMapping;
        var dependencies = chartYaml.Seq("dependencies").OfType<YamlMapping>().ToList();
        var templates = new StringBuilder();
        foreach (var path in files.Keys.Where(k => k.StartsWith(prefix + "templates/", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            templates.Append(Text(files, path)).Append('\n');
        }

        var subcharts = new List<Subchart>();
        var charts = prefix + "charts/";
        foreach (var path in files.Keys.Where(k => k.StartsWith(charts, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            var rest = path[charts.Length..];
            var sub = rest.EndsWith(".tgz", StringComparison.Ordinal) && !rest.Contains('/') ? FromArchive(files[path])
                : rest.EndsWith("/Chart.yaml", StringComparison.Ordinal) && rest.Count(c => c == '/') == 1 ? Build(files, path[..^"Chart.yaml".Length])
                : null;
            // A chart can depend on one subchart twice under two aliases: its values then sit under both keys.
            var keyed = sub is null ? [] : dependencies.Where(d => d.Str("name") == sub.Name).Select(d => (Key: d.Str("alias") ?? sub.Name, Condition: d.Str("condition")))
                .DefaultIfEmpty((sub.Name, null)).DistinctBy(d => d.Key, StringComparer.Ordinal);
            subcharts.AddRange(keyed.Select(d => new Subchart(d.Key, sub!, d.Condition)));
        }

        return new ChartContent(chartYaml.Str("name") ?? prefix.TrimEnd('/'), chartYaml.Str("version"), Text(files, prefix + "values.yaml") ?? string.Empty,
            Text(files, prefix + "values.schema.json"), templates.ToString(), subcharts);
    }

    private static string? Text(IReadOnlyDictionary<string, byte[]> files, string path) =>
        files.TryGetValue(path, out var bytes) ? Encoding.UTF8.GetString(bytes) : null;
}
