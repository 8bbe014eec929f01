using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace HomeOps.Cli.Tests.Status;

/// <summary>
/// What status says when it cannot ask: one clear line per section that needs the missing thing, the other sections
/// still print, exit code 2 ("could not ask") unless something else is unhealthy (1).
/// </summary>
public sealed class StatusFailureTests
{
    [Fact]
    public async Task Status_NoKubeconfig_EachSectionSaysSoAndExitsTwo()
    {
        await using var fixture = await StatusFixture.StartAsync();
        fixture.HealTalos();

        var result = await fixture.RunAsync("status");

        result.ExitCode.ShouldBe(2, result.Out);
        result.Out.ShouldContain("Kubernetes [unknown] could not ask\n  ??  No kubeconfig: none given (--kubeconfig, KUBECONFIG)");
        result.Out.ShouldContain("Flux [unknown] could not ask\n  ??  No kubeconfig");
        result.Out.ShouldContain("(HO6001)");
        result.Out.ShouldContain("Talos [ok] 3/3 node(s) answered", customMessage: "the Talos section asks the nodes, not the API server");
        fixture.Server.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Status_ApiUnreachable_EachSectionSaysSoAndExitsTwo()
    {
        await using var fixture = await StatusFixture.StartAsync();
        fixture.HealTalos();
        await fixture.Server.StopAsync();

        var result = await fixture.RunAsync(TimeProvider.System, "status", "--kubeconfig", fixture.Kubeconfig);

        result.ExitCode.ShouldBe(2, result.Out);
        result.Out.ShouldContain($"Kubernetes [unknown] could not ask\n  ??  The Kubernetes API server at {fixture.Server.Url} did not answer: ");
        result.Out.ShouldContain("(HO6002)");
        result.Out.ShouldContain("Flux [unknown] could not ask");
        result.Out.ShouldContain("1Password Connect [unknown] could not ask");
        result.Out.ShouldContain("Talos [ok] 3/3 node(s) answered; etcd 3/3 member(s) healthy");
        result.Out.ShouldNotContain("   at ", customMessage: "no stack trace");
        result.Error.ShouldBeEmpty();
    }

    [Fact]
    public async Task Status_CredentialsRejected_SaysTheKubeconfigExpired()
    {
        await using var fixture = await StatusFixture.StartAsync();
        fixture.HealTalos();
        fixture.Server.Faults.RejectCredentials();

        var result = await fixture.RunAsync(TimeProvider.System, "status", "--kubeconfig", fixture.Kubeconfig);

        result.ExitCode.ShouldBe(2, result.Out);
        result.Out.ShouldContain($"refused the kubeconfig's credentials (HTTP 401): Unauthorized (HO6003)");
        result.Out.ShouldContain("fix: The kubeconfig's client certificate has probably expired");
        fixture.ListRequests.ShouldBe(fixture.Kinds.Count, "one request per kind, no retries of a 401");
    }

    [Fact]
    public async Task Status_KubeconfigCertificateExpired_SaysWhenWithoutAsking()
    {
        await using var fixture = await StatusFixture.StartAsync();
        fixture.HealTalos();
        var kubeconfig = fixture.Folder.Write("expired-kubeconfig", KubeconfigWithCertificate(fixture.Server.Url, StatusFixture.Now.AddDays(-3)));

        var result = await fixture.RunAsync("status", "--kubeconfig", kubeconfig);

        result.ExitCode.ShouldBe(2, result.Out);
        result.Out.ShouldContain("The client certificate of kubeconfig user 'admin@home-ops' expired on 2026-11-23 12:00 UTC; the API server will refuse every request (HO6004)");
        fixture.Server.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Status_FluxNotInstalled_OneLineAndTheOtherSectionsPrint()
    {
        await using var fixture = await StatusFixture.StartAsync("cluster", "kustomizations", "helmreleases");

        var result = await fixture.RunAsync("status", "--kubeconfig", fixture.Kubeconfig);

        result.Out.ShouldContain("Flux [absent] not installed\n  --  Flux is not installed: the API server does not serve kustomizations.kustomize.toolkit.fluxcd.io (HO6006)\n");
        result.Out.ShouldContain("Kubernetes [unhealthy] 3/3 nodes Ready");
        result.Out.ShouldContain("not installed: flux");
        result.ExitCode.ShouldBe(1, "the pods that are not Ready are still unhealthy");
    }

    [Fact]
    public async Task Status_CiliumNotInstalled_OneLineAndTheOtherSectionsPrint()
    {
        await using var fixture = await StatusFixture.StartAsync("cluster", "ciliumbgpnodeconfigs", "ciliumloadbalancerippools");

        var result = await fixture.RunAsync("status", "--kubeconfig", fixture.Kubeconfig);

        result.Out.ShouldContain("Cilium [absent] not installed\n  --  Cilium is not installed: the API server does not serve ciliumloadbalancerippools.cilium.io (HO6006)\n");
        result.Out.ShouldContain("Flux [unhealthy]");
        result.ExitCode.ShouldBe(1);
    }

    private static string KubeconfigWithCertificate(Uri server, DateTimeOffset notAfter)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("O=system:masters, CN=admin", key, HashAlgorithmName.SHA256);
        using var certificate = request.CreateSelfSigned(notAfter.AddYears(-1), notAfter);
        var data = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(certificate.ExportCertificatePem()));
        var keyData = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(key.ExportECPrivateKeyPem()));
        return $"""
            apiVersion: v1
            kind: Config
            clusters:
              - name: home-ops
                cluster:
                  server: {server}
            users:
              - name: admin@home-ops
                user:
                  client-certificate-data: {data}
                  client-key-data: {keyData}
            contexts:
              - name: admin@home-ops
                context:
                  cluster: home-ops
                  user: admin@home-ops
            current-context: admin@home-ops
            """;
    }
}
