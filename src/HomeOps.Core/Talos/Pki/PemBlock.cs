using System.Text;

namespace HomeOps.Core.Talos.Pki;

/// <summary>One PEM block: a label and DER bytes. Encoded as Go's pem.EncodeToMemory does (64-character lines, trailing newline).</summary>
public sealed record PemBlock(string Label, byte[] Der)
{
    public string Encode()
    {
        var body = Convert.ToBase64String(Der);
        var text = new StringBuilder();
        text.Append("-----BEGIN ").Append(Label).Append("-----\n");
        for (var i = 0; i < body.Length; i += 64)
        {
            text.Append(body.AsSpan(i, Math.Min(64, body.Length - i))).Append('\n');
        }

        text.Append("-----END ").Append(Label).Append("-----\n");
        return text.ToString();
    }

    /// <summary>The first PEM block in <paramref name="text"/>, or null when there is none or its body is not base64.</summary>
    public static PemBlock? Decode(string text)
    {
        const string begin = "-----BEGIN ";
        var start = text.IndexOf(begin, StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        var labelEnd = text.IndexOf("-----", start + begin.Length, StringComparison.Ordinal);
        if (labelEnd < 0)
        {
            return null;
        }

        var label = text[(start + begin.Length)..labelEnd];
        var end = text.IndexOf("-----END " + label + "-----", labelEnd, StringComparison.Ordinal);
        if (end < 0)
        {
            return null;
        }

        var body = text[(labelEnd + 5)..end];
        var compact = new StringBuilder(body.Length);
        foreach (var c in body)
        {
            if (!char.IsWhiteSpace(c))
            {
                compact.Append(c);
            }
        }

        try
        {
            return new PemBlock(label, Convert.FromBase64String(compact.ToString()));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
