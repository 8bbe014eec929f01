using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace HomeOps.Core.Secrets;

/// <summary>
/// Replaces every secret in a text or a JSON value with <see cref="Mask"/>: the MCP server runs each tool result
/// through it. What counts as a secret: the values of a Kubernetes Secret's data and stringData; credential fields
/// by name (tokens, passwords, kubeconfig client keys, Talos's cluster secret, bootstrap token and encryption
/// secrets, 1Password Connect credentials); private keys, as PEM or base64 of PEM (Talos and kubeconfig PKI); the password in a URL's user information; and
/// everything the repository's secret scan finds (<see cref="SecretFormats"/>: GitHub, AWS, Slack,
/// JWTs such as 1Password Connect tokens, 1Password service-account tokens, age keys). Strings inside JSON that
/// are themselves JSON or YAML (last-applied annotations, ConfigMap files, Helm values) are masked the same way.
/// </summary>
public static partial class SecretMasker
{
    public const string Mask = "***";

    /// <summary>Field names whose value is a credential, compared without case, '-' or '_'.</summary>
    private static readonly HashSet<string> s_credentialKeys = new(StringComparer.Ordinal)
    {
        "clientkeydata", "clientkey", "token", "idtoken", "refreshtoken", "accesstoken", "authtoken", "bearertoken",
        "password", "passwd", "secret", "clientsecret", "bootstraptoken", "secretboxencryptionsecret",
        "aescbcencryptionsecret", "apikey", "apitoken", "privatekey", "secretkey", "secretaccesskey", "accesskey",
        "talsecret", "connecttoken", "enccredentials", "uniquekey", "verifier", "localhash", "salt",
    };

    /// <summary>Endings of field names that hold a credential (adminPassword, grafanaApiToken, tunnelSecret).</summary>
    private static readonly string[] s_credentialEndings = ["password", "passwd", "secret", "token", "apikey", "privatekey", "secretkey"];

    public static string MaskText(string text)
    {
        if (text.Length == 0)
        {
            return text;
        }

        var trimmed = text.AsSpan().TrimStart();
        if (trimmed.Length > 0 && trimmed[0] is '{' or '[' && TryParseJson(text) is { } json)
        {
            var masked = MaskJson(json);
            return masked?.ToJsonString(new JsonSerializerOptions { WriteIndented = text.Contains('\n', StringComparison.Ordinal) }) ?? text;
        }

        return MaskLines(MaskPatterns(text));
    }

    /// <summary>Private keys (PEM and base64 of PEM) and the secret scan's token formats, wherever they appear.</summary>
    private static string MaskPatterns(string text)
    {
        text = SecretFormats.ReplacePrivateKeys(text, Mask);

        if (text.Contains("LS0tLS1CRUdJTi", StringComparison.Ordinal))
        {
            text = Base64Pem().Replace(text, m => IsBase64PrivateKey(m.Value) ? Mask : m.Value);
        }

        if (text.Contains("://", StringComparison.Ordinal))
        {
            text = UrlPassword().Replace(text, m => IsHarmless(m.Groups["password"].Value) ? m.Value : m.Groups["lead"].Value + Mask + "@");
        }

        var tokens = SecretFormats.TokenMatches(text).Select(t => t.Match).OrderByDescending(m => m.Index).ToList();
        if (tokens.Count == 0)
        {
            return text;
        }

        var sb = new StringBuilder(text);
        var last = int.MaxValue;
        foreach (var m in tokens)
        {
            if (m.Index + m.Length <= last)
            {
                sb.Remove(m.Index, m.Length).Insert(m.Index, Mask);
                last = m.Index;
            }
        }

        return sb.ToString();
    }

    private static bool IsBase64PrivateKey(string value)
    {
        var padded = value.TrimEnd('=');
        padded += new string('=', (4 - (padded.Length % 4)) % 4);
        try
        {
            return Encoding.ASCII.GetString(Convert.FromBase64String(padded)).Contains("PRIVATE KEY", StringComparison.Ordinal);
        }
        catch (FormatException)
        {
            // Not whole base64 (cut off): a PEM header that is not a private key's is decodable; be safe.
            return true;
        }
    }

    /// <summary>Whether a field of this name holds a credential; <paramref name="value"/> decides for the generic "key".</summary>
    internal static bool IsCredentialKey(string key, string value)
    {
        var normalized = key.Replace("-", string.Empty, StringComparison.Ordinal).Replace("_", string.Empty, StringComparison.Ordinal).ToLowerInvariant();
        if (normalized.StartsWith("existing", StringComparison.Ordinal))
        {
            return false;
        }

        if (s_credentialKeys.Contains(normalized) || s_credentialEndings.Any(e => normalized.EndsWith(e, StringComparison.Ordinal)))
        {
            return true;
        }

        // "key" names a toleration's or selector's label key too; a credential is long and opaque.
        return normalized is "key" && value.Length >= 32 && OpaqueValue().IsMatch(value);
    }

    /// <summary>A value that is not a secret although its field's name says credential: a placeholder, a reference, a flag.</summary>
    internal static bool IsHarmless(string value)
    {
        var v = value.Trim().Trim('"', '\'');
        return v.Length == 0 || v == Mask || v is "true" or "false" or "null" or "~" or "|" or "|-" or "|+" or ">" or ">-" or ">+" or "{}" or "[]"
            || Placeholder().IsMatch(v);
    }

    private static JsonNode? TryParseJson(string text)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The password of a URL's user information (postgres://user:PASSWORD@host, redis://:PASSWORD@host).</summary>
    [GeneratedRegex(@"(?<lead>\b[A-Za-z][A-Za-z0-9+.-]*://[^\s:/@]*:)(?<password>[^\s@/]+)@")]
    private static partial Regex UrlPassword();

    [GeneratedRegex(@"LS0tLS1CRUdJTi[A-Za-z0-9+/=]*")]
    private static partial Regex Base64Pem();

    [GeneratedRegex(@"^[A-Za-z0-9+/]+={0,2}$")]
    private static partial Regex OpaqueValue();

    [GeneratedRegex(@"^(\$\{[^}]+\}|<[^>]*>|\(\(.*\)\)|\{\{.*\}\}|\*+|REPLACE[_-]?ME|CHANGEME|changeme)$")]
    private static partial Regex Placeholder();
}
