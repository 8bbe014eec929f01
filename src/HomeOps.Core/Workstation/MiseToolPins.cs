namespace HomeOps.Core.Workstation;

/// <summary>
/// The versions .mise.toml pins: the <c>[tools]</c> table's <c>key = "version"</c> lines (keys bare or quoted, such
/// as <c>helm</c> or <c>"aqua:siderolabs/talos"</c>). Other tables, comments and values that are not one quoted
/// version (a list, an inline table) are not pins and are left out.
/// </summary>
public static class MiseToolPins
{
    public static IReadOnlyDictionary<string, string> Parse(string text)
    {
        var pins = new Dictionary<string, string>(StringComparer.Ordinal);
        var inTools = false;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (line.StartsWith('['))
            {
                inTools = line == "[tools]";
                continue;
            }

            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (!inTools || equals <= 0)
            {
                continue;
            }

            var key = line[..equals].Trim().Trim('"');
            var value = line[(equals + 1)..].Trim();
            var comment = value.IndexOf(" #", StringComparison.Ordinal);
            value = comment >= 0 ? value[..comment].TrimEnd() : value;
            if (value.Length >= 2 && value[0] == '"' && value[^1] == '"' && value.IndexOf('"', 1) == value.Length - 1)
            {
                pins[key] = value[1..^1];
            }
        }

        return pins;
    }

    /// <summary>Whether a found version is the pinned release (the pin's leading "v" and any suffix ignored).</summary>
    public static bool SameRelease(Version found, string pin) =>
        Version.TryParse(pin.TrimStart('v').Split('-', '+')[0], out var pinned)
        && found.Major == pinned.Major && found.Minor == pinned.Minor && Math.Max(found.Build, 0) == Math.Max(pinned.Build, 0);
}
