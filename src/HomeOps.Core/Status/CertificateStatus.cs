using System.Globalization;
using System.Text.Json.Nodes;
using HomeOps.Core.Diagnostics;
using static HomeOps.Core.Status.ObjectFields;

namespace HomeOps.Core.Status;

/// <summary>
/// The cert-manager section: every Certificate's Ready condition and expiry (status.notAfter). An expired certificate
/// is a fault whatever its condition says (cert-manager keeps Ready True until it re-checks); a certificate past its
/// status.renewalTime that expires within <see cref="RenewalOverdueWindow"/> is a warning: cert-manager should have
/// renewed it by then.
/// </summary>
public static class CertificateStatus
{
    public const string Id = "certificates";
    public const string Title = "Certificates";

    public static readonly TimeSpan RenewalOverdueWindow = TimeSpan.FromDays(14);

    public static StatusSection Evaluate(IReadOnlyList<JsonObject> certificates, DateTimeOffset now)
    {
        var findings = new List<StatusFinding>();
        var items = new List<StatusItem>();
        foreach (var certificate in certificates.OrderBy(KeyOf, StringComparer.Ordinal))
        {
            items.Add(Item(certificate, now, findings));
        }

        var ready = items.Count(i => i.Health == Health.Ok);
        var expired = items.Count(i => i.Field("expired") == "true");
        var summary = string.Create(CultureInfo.InvariantCulture, $"{ready}/{items.Count} certificate(s) Ready and valid; {expired} expired");
        return StatusSection.Of(Id, Title, summary, findings, items);
    }

    private static StatusItem Item(JsonObject certificate, DateTimeOffset now, List<StatusFinding> findings)
    {
        var key = KeyOf(certificate);
        var ns = NamespaceOf(certificate) ?? "default";
        var name = NameOf(certificate);
        var dnsNames = At(certificate, "spec", "dnsNames") is JsonArray { Count: > 0 } names
            ? string.Join(", ", names.Select(n => n?.GetValue<string>()).OfType<string>())
            : Str(certificate, "spec", "commonName") ?? name;
        var secret = Str(certificate, "spec", "secretName") ?? string.Empty;
        var ready = ConditionOf(certificate, "Ready");
        var notAfter = Time(certificate, "status", "notAfter");
        var renewal = Time(certificate, "status", "renewalTime");
        var expiry = notAfter is { } n ? $"expires {Stamp(n)} ({(n > now ? "in " + Durations.Format(n - now) : Durations.Format(now - n) + " ago")})" : "no certificate issued yet";
        var expired = notAfter is { } e && e <= now;

        Health health;
        if (expired)
        {
            health = Health.Unhealthy;
            findings.Add(StatusFindings.From(DiagnosticCatalog.LiveCertificateExpired, health, key, Stamp(notAfter!.Value), Durations.Format(now - notAfter.Value), dnsNames, ns, name));
        }
        else if (ready is not { IsTrue: true })
        {
            health = Health.Unhealthy;
            var why = ready is null ? "no Ready condition yet" : $"{ready.Reason}: {ready.Message}";
            findings.Add(StatusFindings.From(DiagnosticCatalog.CertificateNotReady, health, key, why, ns, name));
        }
        else if (notAfter is { } soon && renewal is { } r && r <= now && soon - now <= RenewalOverdueWindow)
        {
            health = Health.Warning;
            findings.Add(StatusFindings.From(DiagnosticCatalog.CertificateExpiresSoon, health, key, Durations.Format(soon - now), Stamp(soon), Stamp(r), ns, name));
        }
        else
        {
            health = Health.Ok;
        }

        var state = expired ? "EXPIRED" : ready is { IsTrue: true } ? "Ready" : "not Ready";
        return new StatusItem($"cert/{key}", health, $"{state}, {expiry}, {dnsNames}")
        {
            Fields =
            [
                new("ready", ready?.Status ?? "Unknown"), new("notAfter", notAfter is { } na ? Iso(na) : string.Empty),
                new("renewalTime", renewal is { } rt ? Iso(rt) : string.Empty), new("expired", expired ? "true" : "false"),
                new("dnsNames", dnsNames), new("secretName", secret),
            ],
        };
    }

    private static string Stamp(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    private static string Iso(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
