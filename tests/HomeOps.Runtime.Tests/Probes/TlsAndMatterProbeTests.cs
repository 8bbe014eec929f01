using System.Security.Cryptography.X509Certificates;
using HomeOps.Fakes.Services;
using HomeOps.Runtime.Probes;

namespace HomeOps.Runtime.Tests.Probes;

/// <summary>
/// The HTTPS probe against a real Kestrel TLS server (certificates from a local CA: valid, expired, for another
/// host, untrusted) and the Matter probe against a WebSocket server that speaks python-matter-server's first message.
/// </summary>
public sealed class TlsAndMatterProbeTests
{
    private const string Host = "homeassistant.k8s.home.example.org";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(TimeProvider.System.GetUtcNow().ToUnixTimeSeconds());

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Tls_ValidCertificateFromTrustedCa_Healthy()
    {
        await using var server = await LocalHttpsServer.StartAsync(Host, Now.AddDays(-10), Now.AddDays(80));

        var result = await TlsProbe.CheckAsync("127.0.0.1", server.Port, Host, Now, Timeout, Token, [server.Ca]);

        result.Ok.ShouldBeTrue(result.Detail);
        result.Detail.ShouldEndWith("; GET / answered 200");
    }

    [Fact]
    public async Task Tls_ExpiredCertificate_SaysWhen()
    {
        await using var server = await LocalHttpsServer.StartAsync(Host, Now.AddDays(-100), Now.AddDays(-6));

        var result = await TlsProbe.CheckAsync("127.0.0.1", server.Port, Host, Now, Timeout, Token, [server.Ca]);

        result.Ok.ShouldBeFalse();
        result.Reached.ShouldBeTrue();
        result.Detail.ShouldStartWith($"the certificate served for {Host} expired on {server.Leaf.NotAfter.ToUniversalTime():yyyy-MM-dd HH:mm} UTC");
    }

    [Fact]
    public async Task Tls_CertificateForAnotherHost_NameMismatch()
    {
        await using var server = await LocalHttpsServer.StartAsync("ingress.local", Now.AddDays(-10), Now.AddDays(80));

        var result = await TlsProbe.CheckAsync("127.0.0.1", server.Port, Host, Now, Timeout, Token, [server.Ca]);

        result.Ok.ShouldBeFalse();
        result.Detail.ShouldContain("is for ingress.local");
    }

    [Fact]
    public async Task Tls_UntrustedCa_DoesNotChain()
    {
        await using var server = await LocalHttpsServer.StartAsync(Host, Now.AddDays(-10), Now.AddDays(80));

        var result = await TlsProbe.CheckAsync("127.0.0.1", server.Port, Host, Now, Timeout, Token);

        result.Ok.ShouldBeFalse();
        result.Detail.ShouldContain("does not chain to a trusted root");
    }

    [Fact]
    public async Task Tls_BackendDown_503IsUnhealthy()
    {
        await using var server = await LocalHttpsServer.StartAsync(Host, Now.AddDays(-10), Now.AddDays(80), status: 503);

        var result = await TlsProbe.CheckAsync("127.0.0.1", server.Port, Host, Now, Timeout, Token, new X509Certificate2Collection(server.Ca));

        result.Ok.ShouldBeFalse();
        result.Detail.ShouldContain("GET / answered 'HTTP/1.1 503 Service Unavailable'");
    }

    [Fact]
    public async Task Matter_ServerSendsItsInfo_Healthy()
    {
        await using var server = await FakeMatterServer.StartAsync();

        var result = await MatterProbe.CheckAsync(new Uri($"ws://127.0.0.1:{server.Port}/ws"), Timeout, Token);

        result.Ok.ShouldBeTrue(result.Detail);
        result.Detail.ShouldBe("server info: schema 11, SDK 2025.7.0, fabric 2, Thread credentials set");
    }

    [Fact]
    public async Task Matter_ServerSilent_ReachedButNoInfo()
    {
        await using var server = await FakeMatterServer.StartAsync();
        server.Silent = true;

        var result = await MatterProbe.CheckAsync(new Uri($"ws://127.0.0.1:{server.Port}/ws"), TimeSpan.FromSeconds(2), Token);

        result.Ok.ShouldBeFalse();
        result.Reached.ShouldBeTrue();
        result.Detail.ShouldContain("no server info arrived: timed out");
    }

    [Fact]
    public async Task Matter_NothingListening_Unreachable()
    {
        var result = await MatterProbe.CheckAsync(new Uri($"ws://127.0.0.1:{ProbeServerTests.FreePort()}/ws"), TimeSpan.FromSeconds(3), Token);

        result.Reached.ShouldBeFalse(result.Detail);
    }
}
