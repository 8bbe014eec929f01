using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using HomeOps.Core.Diagnostics;
using HomeOps.Core.GitOps.Model;
using HomeOps.Core.Secrets;
using HomeOps.Core.Yaml;

namespace HomeOps.Core.GitOps.Rules;

/// <summary>
/// HO3206-HO3209: secrets anywhere in tracked files: Secret objects carrying data, private keys, kubeconfig and
/// talosconfig files with credentials, and well-known token formats. Reviewed exceptions live in the
/// secretsBaseline of .homeops.yaml (a path or glob, optionally one finding's fingerprint, and a reason).
/// </summary>
public sealed partial class SecretScanRule : IGitOpsRule
{
    private const int MaxBytes = 1024 * 1024;
    private const string CheckName = "secret-scan";

    public IReadOnlyList<DiagnosticDescriptor> Descriptors =>
        [DiagnosticCatalog.SecretWithData, DiagnosticCatalog.PrivateKeyInRepository, DiagnosticCatalog.CredentialFileInRepository, DiagnosticCatalog.TokenInRepository];

    public IEnumerable<Diagnostic> Check(RuleContext context)
    {
        var baseline = context.Settings.SecretsBaseline.Select(b => (Entry: b, Glob: Glob(b.Path))).ToList();
        foreach (var file in context.TrackedFiles)
        {
            if (context.CleanFiles.WasClean(CheckName, file))
            {
                continue;
            }

            var text = context.Tree.Sources.Tree.ReadText(file);
            if (text is null)
            {
                continue;
            }

            if (text.Length > MaxBytes || text.Contains('\0', StringComparison.Ordinal))
            {
                context.CleanFiles.MarkClean(CheckName, file); // not scanned, whatever it holds: its content says so
                continue;
            }

            var findings = Scan(file, text, context).ToList();
            if (findings.Count == 0)
            {
                context.CleanFiles.MarkClean(CheckName, file);
            }

            foreach (var (diagnostic, secret) in findings)
            {
                var fingerprint = Fingerprint(secret);
                if (!baseline.Exists(b => b.Glob.IsMatch(file) && (b.Entry.Fingerprint is null || b.Entry.Fingerprint == fingerprint)))
                {
                    yield return diagnostic with { Hint = $"{diagnostic.Hint} (fingerprint {fingerprint})" };
                }
            }
        }
    }

    public static string Fingerprint(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)))[..16];

    private static IEnumerable<(Diagnostic, string)> Scan(string file, string text, RuleContext context)
    {
        // Cheap substring checks first: most files contain none of the markers, and regexes over every file add up.
        foreach (var m in SecretFormats.PrivateKeyHeaders(text))
        {
            if (IsPlaceholderKey(text, m))
            {
                continue;
            }

            yield return (DiagnosticCatalog.PrivateKeyInRepository.At(At(file, text, m.Index), file, m.Value.Trim('-').Trim()), m.Value + Around(text, m.Index));
        }

        foreach (var (name, m) in SecretFormats.TokenMatches(text))
        {
            yield return (DiagnosticCatalog.TokenInRepository.At(At(file, text, m.Index), file, name), m.Value);
        }

        if ((!Build.RepoPath.IsYaml(file) && !Build.RepoPath.FileName(file).Contains("config", StringComparison.OrdinalIgnoreCase))
            || !(DeclaresCredentialKind(text) || text.Contains("contexts:", StringComparison.Ordinal)))
        {
            yield break;
        }

        foreach (var doc in context.Tree.Sources.Documents(file).OfType<YamlMapping>())
        {
            // A SOPS-encrypted document: its values are ciphertext (ENC[...]), never plaintext.
            if (Sops.IsEncrypted(doc))
            {
                continue;
            }

            if (doc.Str("kind") == "Secret" && (doc.Str("apiVersion") ?? "v1") == "v1")
            {
                foreach (var key in (string[])["data", "stringData"])
                {
                    foreach (var entry in doc.Map(key)?.Entries ?? [])
                    {
                        if (entry.Value is YamlScalar { IsNull: false, Value.Length: > 0 } v && !IsPlaceholder(v.Value)
                            && !IsNotSecret(entry.Key.Value, key == "data" ? DecodeBase64(v.Value) : v.Value))
                        {
                            var name = doc.Str("metadata", "name") ?? "(unnamed)";
                            yield return (DiagnosticCatalog.SecretWithData.At(entry.Key.Span, name, $"{key}.{entry.Key.Value}"), name + "/" + entry.Key.Value + "=" + v.Value);
                        }
                    }
                }
            }

            if (doc.Str("kind") == "Config" && doc.Seq("users").Any(u => u.Map("user") is { } user
                && user.Entries.Any(e => e.Key.Value is "client-key-data" or "token" or "password" or "client-key" && e.Value.Str() is { Length: > 0 } v && !IsPlaceholder(v))))
            {
                yield return (DiagnosticCatalog.CredentialFileInRepository.At(doc.Span, file, "kubeconfig"), text);
            }

            if (doc.Map("contexts") is { } contexts && contexts.Entries.Any(c => c.Value.Str("key") is { Length: > 0 } key && !IsPlaceholder(key) && c.Value.Str("crt") is not null))
            {
                yield return (DiagnosticCatalog.CredentialFileInRepository.At(doc.Span, file, "talosconfig"), text);
            }
        }
    }

    private static bool IsPlaceholder(string value) => PlaceholderPattern().IsMatch(value.Trim()) || Placeholders.IsPlaceholderValue(value);

    /// <summary>
    /// Settings that a Secret often carries beside its secrets (issue 21: LOG_LEVEL, INSECURE): a key named as a
    /// setting, or a value that is a boolean, a small number or a log level, is not a secret.
    /// </summary>
    private static bool IsNotSecret(string key, string value) =>
        NonSecretKey().IsMatch(key) || NonSecretValue().IsMatch(value.Trim());

    private static string DecodeBase64(string value)
    {
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(value.Trim()));
        }
        catch (FormatException)
        {
            return value;
        }
    }

    /// <summary>
    /// A PEM block whose body is not base64 (a <c>&lt;placeholder&gt;</c>, "...", prose), as documentation shows: no
    /// key. A block without its END line is reported (it may be cut off, the key still in the file).
    /// </summary>
    private static bool IsPlaceholderKey(string text, Match begin)
    {
        var start = begin.Index + begin.Length;
        var end = text.IndexOf("-----END ", start, StringComparison.Ordinal);
        if (end < 0)
        {
            return false;
        }

        var body = new StringBuilder();
        foreach (var line in text[start..end].Split('\n'))
        {
            // Strip Markdown quoting and indentation; skip the RFC 1421 headers of encrypted PEM (Proc-Type, DEK-Info).
            var l = line.Trim().TrimStart('>').Trim();
            if (!l.Contains(':', StringComparison.Ordinal))
            {
                body.Append(l);
            }
        }

        return !Base64Body().IsMatch(body.ToString());
    }

    [GeneratedRegex(@"^[A-Za-z0-9+/=]{32,}$")]
    private static partial Regex Base64Body();

    [GeneratedRegex(@"(?i)(^|_)(LOG_?LEVEL|LOG_?FORMAT|DEBUG|INSECURE|VERBOSE|TZ|TIMEZONE|PORT|HOST|HOSTNAME|URL|ENDPOINT|REGION|NAMESPACE|ENABLED?|DISABLED?|MODE)$")]
    private static partial Regex NonSecretKey();

    [GeneratedRegex(@"(?i)^(true|false|yes|no|on|off|[0-9]{1,5}|trace|debug|info|warn|warning|error|fatal)$")]
    private static partial Regex NonSecretValue();

    private static string Around(string text, int index) => text.Substring(index, Math.Min(200, text.Length - index));

    private static SourceSpan At(string file, string text, int index)
    {
        var line = 1 + text.AsSpan(0, index).Count('\n');
        var column = index - (index == 0 ? 0 : text.LastIndexOf('\n', index - 1) + 1) + 1;
        return SourceSpan.At(file, line, column);
    }

    private static Regex Glob(string glob) => PathGlob.ToRegex(glob);

    /// <summary>
    /// Whether the text has a <c>kind: Secret</c> or <c>kind: Config</c> (a kubeconfig) entry, block or flow style, quoted
    /// or not: only such files are parsed. A bare "Secret" is not enough: CRDs say "secretRef" and "Secret" in every
    /// other description, and parsing megabytes of them took most of validate's time. A scan for "kind" (vectorized)
    /// is far cheaper than a regex over every line.
    /// </summary>
    private static bool DeclaresCredentialKind(string text)
    {
        for (var i = text.IndexOf("kind", StringComparison.Ordinal); i >= 0; i = text.IndexOf("kind", i + 4, StringComparison.Ordinal))
        {
            var j = i + 4;
            j = SkipQuote(text, j);
            j = SkipBlanks(text, j);
            if (j >= text.Length || text[j] != ':')
            {
                continue;
            }

            j = SkipQuote(text, SkipBlanks(text, j + 1));
            var word = text.AsSpan(j);
            if (!word.StartsWith("Secret", StringComparison.Ordinal) && !word.StartsWith("Config", StringComparison.Ordinal))
            {
                continue;
            }

            j = SkipBlanks(text, SkipQuote(text, j + 6));
            if (j >= text.Length || text[j] is '\r' or '\n' or ',' or '}' or '#')
            {
                return true;
            }
        }

        return false;
    }

    private static int SkipQuote(string text, int index) => index < text.Length && text[index] is '"' or '\'' ? index + 1 : index;

    private static int SkipBlanks(string text, int index)
    {
        while (index < text.Length && text[index] is ' ' or '\t')
        {
            index++;
        }

        return index;
    }

    // ${VAR} (Flux substitution), <...>, ((...)), a 1Password reference (op://vault/item/field, also as an op inject
    // template {{ op://... }}), REPLACE-ME style words.
    [GeneratedRegex(@"^(\$\{[^}]+\}|<[^>]+>|\(\(.*\)\)|\{\{\s*op://\S+\s*\}\}|op://\S+|REPLACE[_-]?ME|CHANGEME|changeme)$")]
    private static partial Regex PlaceholderPattern();
}
