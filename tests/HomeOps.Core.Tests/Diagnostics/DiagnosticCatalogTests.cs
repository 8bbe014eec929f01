using System.Globalization;
using System.Text.RegularExpressions;
using HomeOps.Core.Diagnostics;
using HomeOps.Testing;

namespace HomeOps.Core.Tests.Diagnostics;

public sealed partial class DiagnosticCatalogTests
{
    private const string LedgerPath = "tests/HomeOps.Core.Tests/Diagnostics/diagnostic-codes.ledger";

    [Fact]
    public void Catalogue_CodesAndNamesAreUnique()
    {
        var all = DiagnosticCatalog.All;
        all.Select(d => d.Code).ShouldBeUnique();
        all.Select(d => d.Name).ShouldBeUnique();
    }

    [Fact]
    public void Catalogue_EnvironmentProblems_AreTheErrorsTheCliExitsTwoFor()
    {
        DiagnosticCatalog.All.Where(d => d.EnvironmentProblem).Select(d => d.Code).ShouldBe(["HO0001", "HO0002", "HO0101", "HO0105", "HO9007"]);
        DiagnosticCatalog.All.Where(d => d.EnvironmentProblem).ShouldAllBe(d => d.DefaultSeverity == DiagnosticSeverity.Error);
    }

    [Fact]
    public void Catalogue_EveryEntryIsWellFormed()
    {
        foreach (var d in DiagnosticCatalog.All)
        {
            d.Code.ShouldMatch(@"^HO\d{4}$");
            d.Name.ShouldMatch(@"^[a-z0-9]+(-[a-z0-9]+)*$");
            d.Title.ShouldNotBeNullOrWhiteSpace();
            d.HintFormat.ShouldNotBeNullOrWhiteSpace($"{d.Code} needs a hint that says how to fix it");
            d.DefaultSeverity.ShouldNotBe(DiagnosticSeverity.Off);
            var placeholders = PlaceholderRegex().Matches(d.MessageFormat + d.HintFormat).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).DefaultIfEmpty(-1).Max() + 1;
            var args = Enumerable.Range(0, placeholders).Select(i => (object?)$"arg{i}").ToArray();
            Should.NotThrow(() => d.At(SourceSpan.File("f"), args), d.Code);
        }
    }

    /// <summary>A code's file follows from its number: HO3204 is declared in Catalog/DiagnosticCatalog.HO32xx.cs.</summary>
    [Fact]
    public void Catalogue_EachCodeLivesInTheFileOfItsRange()
    {
        var folder = RepositoryPaths.Combine("src/HomeOps.Core/Diagnostics/Catalog");
        var declared = new List<string>();
        foreach (var file in Directory.EnumerateFiles(folder, "DiagnosticCatalog.HO*xx.cs"))
        {
            var range = Path.GetFileName(file)["DiagnosticCatalog.".Length..^"xx.cs".Length];
            foreach (Match m in CodeLiteralRegex().Matches(File.ReadAllText(file)))
            {
                m.Groups[1].Value.ShouldStartWith(range, customMessage: $"{m.Groups[1].Value} belongs in DiagnosticCatalog.{m.Groups[1].Value[..4]}xx.cs, not {Path.GetFileName(file)}");
                declared.Add(m.Groups[1].Value);
            }
        }

        declared.Order(StringComparer.Ordinal).ShouldBe(DiagnosticCatalog.All.Select(d => d.Code));
    }

    /// <summary>
    /// The ledger lists every code ever assigned with its name. A code may be added, or retired (kept in the ledger
    /// with "retired"), but never given to a different problem.
    /// </summary>
    [Fact]
    public void Catalogue_CodesAreNeverReused()
    {
        var ledger = File.ReadAllLines(RepositoryPaths.Combine(LedgerPath))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToDictionary(p => p[0], p => (Name: p[1], Retired: p.Length > 2 && p[2] == "retired"));

        foreach (var d in DiagnosticCatalog.All)
        {
            ledger.ShouldContainKey(d.Code, $"{d.Code} ({d.Name}) is new: append '{d.Code} {d.Name}' to {LedgerPath}");
            ledger[d.Code].Name.ShouldBe(d.Name, $"{d.Code} was '{ledger[d.Code].Name}'; codes are never reused, pick a new one");
            ledger[d.Code].Retired.ShouldBeFalse($"{d.Code} was retired and cannot come back");
        }

        foreach (var (code, entry) in ledger.Where(e => !e.Value.Retired))
        {
            DiagnosticCatalog.Find(code).ShouldNotBeNull($"{code} ({entry.Name}) left the catalogue: mark it 'retired' in the ledger");
        }
    }

    [GeneratedRegex(@"\{(\d+)\}")]
    private static partial Regex PlaceholderRegex();

    [GeneratedRegex(@"^\s+""(HO\d{4})"",", RegexOptions.Multiline)]
    private static partial Regex CodeLiteralRegex();
}
