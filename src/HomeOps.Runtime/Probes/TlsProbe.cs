using System.Globalization;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace HomeOps.Runtime.Probes;

/// <summary>
/// HTTPS through an ingress: TCP to the ingress controller's address, TLS with the host as SNI (so no DNS is
/// needed, and the certificate checked is the one that host is served with), then GET / with that Host header.
/// Healthy when the certificate is valid for the host, chains to a trusted root, has not expired, and the ingress
/// answers with a status below 500 (502/503 from ingress-nginx mean the backend is down).
/// </summary>
public static class TlsProbe
{
    public static async Task<ProbeResult> CheckAsync(
        string address, int port, string host, DateTimeOffset now, TimeSpan timeout, CancellationToken cancellationToken, X509Certificate2Collection? trustedRoots = null)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        using var tcp = new TcpClient();
        try
        {
            await tcp.ConnectAsync(address, port, deadline.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return ProbeResult.Unreachable($"no connection to {address}:{port}: {(e is OperationCanceledException ? "timed out" : e.Message)}");
        }

        X509Certificate2? served = null;
        var errors = SslPolicyErrors.None;
        var chainStatus = string.Empty;
        await using var tls = new SslStream(tcp.GetStream(), leaveInnerStreamOpen: false);
        var options = new SslClientAuthenticationOptions
        {
            TargetHost = host,
            RemoteCertificateValidationCallback = (_, certificate, chain, policyErrors) =>
            {
                served = certificate is null ? null : new X509Certificate2(certificate);
                errors = policyErrors;
                chainStatus = chain is null ? string.Empty : string.Join(", ", chain.ChainStatus.Select(s => s.Status.ToString()).Distinct());
                return true; // Judged below, so an invalid certificate is reported rather than a handshake error.
            },
        };
        if (trustedRoots is { Count: > 0 })
        {
            options.CertificateChainPolicy = new X509ChainPolicy { TrustMode = X509ChainTrustMode.CustomRootTrust, RevocationMode = X509RevocationMode.NoCheck };
            options.CertificateChainPolicy.CustomTrustStore.AddRange(trustedRoots);
        }

        try
        {
            await tls.AuthenticateAsClientAsync(options, deadline.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is System.Security.Authentication.AuthenticationException or IOException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return ProbeResult.Unreachable($"TLS handshake with {address}:{port} for {host} failed: {(e is OperationCanceledException ? "timed out" : e.Message)}");
        }

        using var certificate = served;
        var status = await StatusLineAsync(tls, host, deadline.Token).ConfigureAwait(false);
        if (certificate is null)
        {
            return ProbeResult.Wrong($"{host} presented no certificate");
        }

        var notAfter = new DateTimeOffset(certificate.NotAfter.ToUniversalTime(), TimeSpan.Zero);
        var expiry = notAfter.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
        if (notAfter <= now)
        {
            return ProbeResult.Wrong($"the certificate served for {host} expired on {expiry} ({certificate.Subject}, issuer {certificate.Issuer})");
        }

        if (errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch))
        {
            return ProbeResult.Wrong($"the certificate served for {host} is for {certificate.GetNameInfo(X509NameType.DnsName, false)} (expires {expiry}): the ingress serves its default certificate, so the Ingress's TLS Secret is missing or not Ready");
        }

        if (errors != SslPolicyErrors.None)
        {
            return ProbeResult.Wrong($"the certificate served for {host} does not chain to a trusted root ({chainStatus}; issuer {certificate.Issuer}, expires {expiry})");
        }

        if (status is null)
        {
            return ProbeResult.Wrong($"valid certificate (expires {expiry}), but {host} sent no HTTP answer");
        }

        var code = int.TryParse(status.Split(' ').ElementAtOrDefault(1), NumberStyles.Integer, CultureInfo.InvariantCulture, out var c) ? c : 0;
        return code is > 0 and < 500
            ? ProbeResult.Healthy($"valid certificate until {expiry}; GET / answered {code}")
            : ProbeResult.Wrong($"valid certificate until {expiry}, but GET / answered '{status}': the backend behind the ingress is down");
    }

    private static async Task<string?> StatusLineAsync(SslStream tls, string host, CancellationToken cancellationToken)
    {
        try
        {
            await tls.WriteAsync(Encoding.ASCII.GetBytes($"GET / HTTP/1.1\r\nHost: {host}\r\nUser-Agent: homeops-doctor\r\nConnection: close\r\n\r\n"), cancellationToken).ConfigureAwait(false);
            using var reader = new StreamReader(tls, Encoding.ASCII, false, 1024, leaveOpen: true);
            return await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or OperationCanceledException)
        {
            return null;
        }
    }
}
