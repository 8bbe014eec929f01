using System.Globalization;
using System.Text;
using HomeOps.Core.Status;

namespace HomeOps.Operations.Status;

/// <summary>
/// The report as people read it: per section a heading with its health and summary, its findings (root causes,
/// "not installed", "could not ask") with their code and fix, then one aligned line per object.
/// </summary>
public static class StatusText
{
    public static string Format(StatusReport report)
    {
        var text = new StringBuilder();
        foreach (var section in report.Sections)
        {
            text.Append(CultureInfo.InvariantCulture, $"{section.Title} [{section.Health.Word()}] {section.Summary}\n");
            foreach (var finding in section.Findings)
            {
                var code = finding.Code is null ? string.Empty : $" ({finding.Code})";
                text.Append(CultureInfo.InvariantCulture, $"  {finding.Health.Mark()}  {finding.Message}{code}\n");
                if (finding.Hint is { Length: > 0 } hint)
                {
                    text.Append(CultureInfo.InvariantCulture, $"      fix: {hint}\n");
                }
            }

            var width = section.Items.Count == 0 ? 0 : section.Items.Max(i => i.Name.Length);
            foreach (var item in section.Items)
            {
                text.Append(CultureInfo.InvariantCulture, $"  {item.Health.Mark()}  {item.Name.PadRight(width)}  {item.Detail}\n");
            }

            text.Append('\n');
        }

        text.Append(Footer(report)).Append('\n');
        return text.ToString();
    }

    /// <summary>"status: unhealthy: flux, longhorn; could not ask: talos; 9 API requests (9 kinds)".</summary>
    public static string Footer(StatusReport report)
    {
        var parts = new List<string>();
        var unhealthy = report.Sections.Where(s => s.Health == Health.Unhealthy).Select(s => s.Id).ToList();
        var unknown = report.Sections.Where(s => s.Health == Health.Unknown).Select(s => s.Id).ToList();
        var absent = report.Sections.Where(s => s.Health == Health.Absent).Select(s => s.Id).ToList();
        if (unhealthy.Count > 0)
        {
            parts.Add($"unhealthy: {string.Join(", ", unhealthy)}");
        }

        if (unknown.Count > 0)
        {
            parts.Add($"could not ask: {string.Join(", ", unknown)}");
        }

        if (absent.Count > 0)
        {
            parts.Add($"not installed: {string.Join(", ", absent)}");
        }

        if (parts.Count == 0)
        {
            parts.Add("all healthy");
        }

        return string.Create(CultureInfo.InvariantCulture, $"status: {string.Join("; ", parts)}; {report.ApiRequests} API request(s) for {report.KindsRead.Count} kind(s){(report.ProxyRequests > 0 ? $" and {report.ProxyRequests} through the API server's proxy" : string.Empty)}");
    }
}
