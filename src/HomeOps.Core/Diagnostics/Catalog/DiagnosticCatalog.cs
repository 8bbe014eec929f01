using System.Reflection;

namespace HomeOps.Core.Diagnostics;

/// <summary>
/// Every diagnostic HomeOps can report, one field per problem. Codes are stable and never reused:
/// <c>docs/diagnostics.md</c> is generated from this catalogue and the code ledger test rejects a code that
/// changes meaning. Codes live in one partial file per hundred, named by the range
/// (<c>HO3204</c> is in <c>Catalog/DiagnosticCatalog.HO32xx.cs</c>), so a code's file follows from its number and
/// the catalogue stays one flat, greppable type.
/// </summary>
public static partial class DiagnosticCatalog
{
    private static readonly Lazy<IReadOnlyList<DiagnosticDescriptor>> s_all = new(Discover);

    /// <summary>All descriptors, ordered by code.</summary>
    public static IReadOnlyList<DiagnosticDescriptor> All => s_all.Value;

    public static DiagnosticDescriptor? Find(string code) =>
        All.FirstOrDefault(d => string.Equals(d.Code, code, StringComparison.OrdinalIgnoreCase)
            || string.Equals(d.Name, code, StringComparison.OrdinalIgnoreCase));

    private static IReadOnlyList<DiagnosticDescriptor> Discover() =>
        [.. typeof(DiagnosticCatalog)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
            .OrderBy(d => d.Code, StringComparer.Ordinal)];

    private static DiagnosticDescriptor Error(string code, string name, string title, string message, string hint) =>
        new(code, name, DiagnosticSeverity.Error, title, message, hint);

    private static DiagnosticDescriptor Warning(string code, string name, string title, string message, string hint) =>
        new(code, name, DiagnosticSeverity.Warning, title, message, hint);

    private static DiagnosticDescriptor Info(string code, string name, string title, string message, string hint) =>
        new(code, name, DiagnosticSeverity.Info, title, message, hint);
}
