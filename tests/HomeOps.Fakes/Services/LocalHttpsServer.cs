using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace HomeOps.Fakes.Services;

/// <summary>
/// A real HTTPS server (Kestrel on 127.0.0.1) serving a certificate a local CA issued for one host name, valid in a
/// chosen window, answering GET / with a chosen status: what an ingress controller serves. Tests trust
/// <see cref="Ca"/> explicitly, so the probe's chain, name and expiry checks run on real TLS.
/// </summary>
public sealed class LocalHttpsServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LocalHttpsServer(WebApplication app, X509Certificate2 ca, X509Certificate2 leaf, int port)
    {
        _app = app;
        Ca = ca;
        Leaf = leaf;
        Port = port;
    }

    public X509Certificate2 Ca { get; }

    public X509Certificate2 Leaf { get; }

    public int Port { get; }

    public static async Task<LocalHttpsServer> StartAsync(string host, DateTimeOffset notBefore, DateTimeOffset notAfter, int status = 200)
    {
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest("CN=HomeOps Test CA", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        var ca = caRequest.CreateSelfSigned(notBefore.AddDays(-30), notAfter.AddYears(5));

        using var leafKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var leafRequest = new CertificateRequest($"CN={host}", leafKey, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName(host);
        leafRequest.CertificateExtensions.Add(names.Build());
        leafRequest.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var issued = leafRequest.Create(ca, notBefore, notAfter, RandomNumberGenerator.GetBytes(8));
        var leaf = X509CertificateLoader.LoadPkcs12(issued.CopyWithPrivateKey(leafKey).Export(X509ContentType.Pkcs12), null);

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(leaf)));
        var app = builder.Build();
        app.Run(context =>
        {
            context.Response.StatusCode = status;
            return context.Response.WriteAsync(status < 400 ? "ok" : "<html>503 Service Temporarily Unavailable</html>");
        });
        await app.StartAsync().ConfigureAwait(false);
        return new LocalHttpsServer(app, ca, leaf, new Uri(app.Urls.First()).Port);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        Ca.Dispose();
        Leaf.Dispose();
    }
}
