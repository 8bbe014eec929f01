namespace HomeOps.Runtime.Processes;

/// <summary>Replaces secret values with *** in anything that may be printed or logged.</summary>
public static class Redactor
{
    public const string Mask = Core.Secrets.SecretMasker.Mask;

    public static string Redact(string text, IEnumerable<string> secrets)
    {
        foreach (var secret in secrets.Where(s => s.Length >= 4).OrderByDescending(s => s.Length))
        {
            text = text.Replace(secret, Mask, StringComparison.Ordinal);
        }

        return text;
    }
}
