using System.Text.Json.Nodes;
using HomeOps.Core.Status;

namespace HomeOps.Core.Tests.Status;

public sealed class CertificateStatusTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    private static JsonObject Certificate(string notAfter, string renewal, string ready = "True") => new()
    {
        ["metadata"] = new JsonObject { ["name"] = "web-tls", ["namespace"] = "web" },
        ["spec"] = new JsonObject { ["secretName"] = "web-tls", ["dnsNames"] = new JsonArray("web.example.org") },
        ["status"] = new JsonObject
        {
            ["notAfter"] = notAfter, ["renewalTime"] = renewal,
            ["conditions"] = new JsonArray(new JsonObject { ["type"] = "Ready", ["status"] = ready, ["reason"] = ready == "True" ? "Ready" : "Issuing", ["message"] = "m" }),
        },
    };

    [Fact]
    public void Evaluate_ExpiredButStillReady_IsUnhealthy()
    {
        var section = CertificateStatus.Evaluate([Certificate("2026-11-25T00:00:00Z", "2026-10-26T00:00:00Z")], Now);

        section.Health.ShouldBe(Health.Unhealthy);
        section.Findings.ShouldHaveSingleItem().Code.ShouldBe("HO6140");
    }

    [Fact]
    public void Evaluate_RenewalOverdueAndExpiringSoon_Warns()
    {
        var section = CertificateStatus.Evaluate([Certificate("2026-12-01T00:00:00Z", "2026-11-01T00:00:00Z")], Now);

        section.Health.ShouldBe(Health.Warning);
        section.Findings.ShouldHaveSingleItem().Message.ShouldBe("Certificate web/web-tls expires in 4d (2026-12-01 00:00 UTC) and its renewal time 2026-11-01 00:00 UTC has passed");
    }

    [Fact]
    public void Evaluate_ValidAndReady_Ok()
    {
        var section = CertificateStatus.Evaluate([Certificate("2027-02-01T00:00:00Z", "2027-01-01T00:00:00Z")], Now);

        section.Health.ShouldBe(Health.Ok);
        section.Items.ShouldHaveSingleItem().Detail.ShouldBe("Ready, expires 2027-02-01 00:00 UTC (in 66d), web.example.org");
    }
}
