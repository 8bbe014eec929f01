using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace HomeOps.Core.Status;

/// <summary>
/// Reads what talosctl v1.10 prints when asked about several nodes at once (--nodes a,b,c): `version --json` and
/// `get ... -o json` print one JSON object per node or resource, one after the other
/// (cmd/talosctl/cmd/talos/version.go:97-102, cmd/talosctl/cmd/talos/output/json.go:63-86 at v1.10.5); `etcd status`
/// and `etcd alarm list` print a tabwriter table whose first column is NODE (cmd/talosctl/cmd/talos/etcd.go:263-300
/// and 60-83). Tables are cut at the header's column starts, so an empty cell (ERRORS) stays in its column.
/// </summary>
public static partial class TalosOutput
{
    /// <summary>Every top-level JSON object in the output, in order; text that is not JSON ends the list.</summary>
    public static IReadOnlyList<JsonObject> JsonObjects(string output)
    {
        var objects = new List<JsonObject>();
        var bytes = Encoding.UTF8.GetBytes(output);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { AllowMultipleValues = true, CommentHandling = JsonCommentHandling.Skip });
        try
        {
            while (reader.Read())
            {
                if (JsonNode.Parse(ref reader) is JsonObject obj)
                {
                    objects.Add(obj);
                }
            }
        }
        catch (JsonException)
        {
            // A warning line after the objects: keep what was read.
        }

        return objects;
    }

    /// <summary>The rows of a tabwriter table as column name → cell, cut at the header's column starts.</summary>
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> Table(string output)
    {
        var lines = output.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Trim().Length > 0).ToList();
        var headerAt = lines.FindIndex(l => l.StartsWith("NODE", StringComparison.Ordinal) || l.StartsWith("MEMBER", StringComparison.Ordinal));
        if (headerAt < 0)
        {
            return [];
        }

        var header = lines[headerAt];
        var columns = ColumnStart().Matches(header).Select(m => (Name: m.Value.Trim(), Start: m.Index)).ToList();
        var rows = new List<IReadOnlyDictionary<string, string>>();
        foreach (var line in lines.Skip(headerAt + 1))
        {
            var row = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < columns.Count; i++)
            {
                var start = columns[i].Start;
                var end = i + 1 < columns.Count ? columns[i + 1].Start : line.Length;
                row[columns[i].Name] = start >= line.Length ? string.Empty : line[start..Math.Min(end, line.Length)].Trim();
            }

            rows.Add(row);
        }

        return rows;
    }

    /// <summary>A header cell: words separated by single spaces, followed by two or more spaces or the end.</summary>
    [GeneratedRegex(@"\S+(?: \S+)*")]
    private static partial Regex ColumnStart();
}
