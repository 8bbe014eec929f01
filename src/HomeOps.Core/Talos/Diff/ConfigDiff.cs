using HomeOps.Core.Diagnostics;
using HomeOps.Core.Talos.Documents;
using HomeOps.Core.Yaml;

namespace HomeOps.Core.Talos.Diff;

/// <summary>
/// Compares a previously rendered file with a new render, value by value. Values that are secrets in the new render
/// (and the same paths in the old file) are compared but never shown: a change is reported as "(secret changed)".
/// </summary>
public static class ConfigDiff
{
    public static IReadOnlyList<ConfigChange> Compare(string? oldText, IReadOnlyList<DocMap> newDocuments)
    {
        var newValues = new Dictionary<string, (string Text, bool Secret)>(StringComparer.Ordinal);
        foreach (var document in newDocuments)
        {
            Flatten(document, Prefix(document), newValues);
        }

        var oldValues = new Dictionary<string, (string Text, bool Secret)>(StringComparer.Ordinal);
        if (oldText is not null)
        {
            var bag = new DiagnosticBag();
            foreach (var node in YamlReader.ReadAll(oldText, "old", bag))
            {
                if (DocConverter.FromYaml(node, OriginLayer.Patch) is DocMap document)
                {
                    Flatten(document, Prefix(document), oldValues);
                }
            }
        }

        var changes = new List<ConfigChange>();
        foreach (var (path, (text, secret)) in newValues)
        {
            if (!oldValues.TryGetValue(path, out var old))
            {
                changes.Add(new ConfigChange(ChangeKind.Added, path, null, secret ? null : text, secret));
            }
            else if (old.Text != text)
            {
                changes.Add(new ConfigChange(ChangeKind.Changed, path, secret ? null : old.Text, secret ? null : text, secret));
            }
        }

        foreach (var (path, (text, _)) in oldValues)
        {
            if (!newValues.ContainsKey(path))
            {
                var secret = LooksSecret(path);
                changes.Add(new ConfigChange(ChangeKind.Removed, path, secret ? null : text, null, secret));
            }
        }

        return [.. changes.OrderBy(c => c.Path, StringComparer.Ordinal)];
    }

    private static string Prefix(DocMap document) => TalosDocument.IsV1Alpha1(document) || document.Find("context") is not null ? string.Empty : $"{TalosDocument.Identity(document)}:";

    private static void Flatten(DocNode node, string path, Dictionary<string, (string, bool)> values)
    {
        switch (node)
        {
            case DocMap { Entries.Count: 0 }:
                values[path] = ("{}", false);
                break;
            case DocMap map:
                foreach (var entry in map.Entries)
                {
                    var key = entry.Key.Contains('.', StringComparison.Ordinal) ? $"[\"{entry.Key}\"]" : (path.Length == 0 || path.EndsWith(':') ? entry.Key : "." + entry.Key);
                    Flatten(entry.Value, path + key, values);
                }

                break;
            case DocList { Items.Count: 0 }:
                values[path] = ("[]", false);
                break;
            case DocList list:
                for (var i = 0; i < list.Items.Count; i++)
                {
                    Flatten(list.Items[i], $"{path}[{i}]", values);
                }

                break;
            case DocSecret secret:
                values[path] = (secret.Value ?? string.Empty, true);
                break;
            case DocScalar scalar:
                values[path] = (scalar.Kind == ScalarKind.String ? YamlScalarStyle.Quote(scalar.Value) : scalar.Value, LooksSecret(path));
                break;
        }
    }

    /// <summary>Paths that hold secrets in any Talos config or talosconfig, for values present only in the old file.</summary>
    private static bool LooksSecret(string path)
    {
        var last = path[(path.LastIndexOfAny(['.', ':']) + 1)..];
        return last is "key" or "crt" or "ca" or "token" or "secret" or "id" or "secretboxEncryptionSecret" or "aescbcEncryptionSecret"
            || path.StartsWith("cluster.id", StringComparison.Ordinal);
    }
}
