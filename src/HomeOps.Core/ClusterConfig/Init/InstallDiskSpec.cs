namespace HomeOps.Core.ClusterConfig.Init;

/// <summary>
/// The one-line form of an install disk selector that init asks for: a model glob (<c>APPLE*</c>), or comma-separated
/// key=value pairs of the selector's fields (<c>type=nvme,size=&gt;= 200GB</c>).
/// </summary>
public static class InstallDiskSpec
{
    public static readonly IReadOnlyList<string> Keys = ["model", "serial", "wwid", "busPath", "size", "type"];

    /// <summary>The selector, or null with the reason in <paramref name="error"/>.</summary>
    public static InstallDiskSelector? Parse(string text, out string? error)
    {
        error = null;
        text = text.Trim();
        if (text.Length == 0)
        {
            error = "it is empty";
            return null;
        }

        if (!text.Contains('=', StringComparison.Ordinal))
        {
            return new InstallDiskSelector { Model = text };
        }

        var selector = new InstallDiskSelector();
        foreach (var pair in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var (key, value) = equals < 0 ? (pair, string.Empty) : (pair[..equals].Trim(), pair[(equals + 1)..].Trim());
            if (value.Length == 0)
            {
                error = $"'{pair}' has no value";
                return null;
            }

            selector = key switch
            {
                "model" => selector with { Model = value },
                "serial" => selector with { Serial = value },
                "wwid" => selector with { Wwid = value },
                "busPath" => selector with { BusPath = value },
                "size" => selector with { Size = value },
                "type" => selector with { Type = value },
                _ => null,
            };
            if (selector is null)
            {
                error = $"'{key}' is not a selector field (use {string.Join(", ", Keys)})";
                return null;
            }
        }

        return selector;
    }

    /// <summary>The selector's fields as YAML key/value pairs, in the order <see cref="Keys"/> lists them.</summary>
    public static IEnumerable<(string Key, string Value)> Fields(InstallDiskSelector selector)
    {
        string?[] values = [selector.Model, selector.Serial, selector.Wwid, selector.BusPath, selector.Size, selector.Type];
        for (var i = 0; i < Keys.Count; i++)
        {
            if (values[i] is { } value)
            {
                yield return (Keys[i], value);
            }
        }
    }
}
