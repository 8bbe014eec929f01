using HomeOps.Core.Diagnostics;

namespace HomeOps.Runtime.Files;

/// <summary>Reads input files, turning every IO failure into a diagnostic (HO0001, HO0002, HO0010).</summary>
public static class TextFileReader
{
    public const long DefaultMaxBytes = 8 * 1024 * 1024;

    /// <param name="displayPath">The path as the user should see it in diagnostics.</param>
    public static string? Read(IFileSystem files, string path, string displayPath, DiagnosticBag diagnostics, long maxBytes = DefaultMaxBytes)
    {
        try
        {
            if (!files.FileExists(path))
            {
                diagnostics.Add(DiagnosticCatalog.FileNotFound.At(SourceSpan.File(displayPath), displayPath));
                return null;
            }

            var size = files.FileSize(path);
            if (size > maxBytes)
            {
                diagnostics.Add(DiagnosticCatalog.FileTooLarge.At(SourceSpan.File(displayPath), displayPath, size, maxBytes));
                return null;
            }

            return files.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            diagnostics.Add(DiagnosticCatalog.FileUnreadable.At(SourceSpan.File(displayPath), displayPath, e.Message));
            return null;
        }
    }
}
