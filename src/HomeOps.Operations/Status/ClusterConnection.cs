using HomeOps.Core.Diagnostics;
using HomeOps.Core.Status;
using HomeOps.Runtime.Files;
using HomeOps.Runtime.Kubernetes;

namespace HomeOps.Operations.Status;

/// <summary>
/// Opens the cluster for status and doctor from a kubeconfig. A kubeconfig that is missing, unreadable or holds an
/// expired client certificate gives a snapshot that asks nothing and says why, in one line per section.
/// </summary>
public static class ClusterConnection
{
    /// <summary>
    /// Opens the cluster the way the commands that read it do (status, doctor, upgrade plan, the MCP tools): two short
    /// retries 200 ms apart and a 15 s request timeout, because a person or an assistant waits for the answer.
    /// </summary>
    public static ClusterSnapshot OpenForReading(StatusTargets targets, IFileSystem files, TimeProvider time, Func<Uri, Uri>? rewrite)
    {
        var factory = new KubeClientFactory(time, rewrite, maxRetries: 2, retryDelay: TimeSpan.FromMilliseconds(200)) { RequestTimeout = TimeSpan.FromSeconds(15) };
        return Open(targets.Kubeconfig, targets.KubeconfigMissing, factory, files, time);
    }

    public static ClusterSnapshot Open(string? kubeconfig, string missingReason, KubeClientFactory factory, IFileSystem files, TimeProvider time)
    {
        if (kubeconfig is null || !files.FileExists(kubeconfig))
        {
            var why = kubeconfig is null ? missingReason : $"{kubeconfig} does not exist";
            return ClusterSnapshot.Unavailable(StatusFindings.From(DiagnosticCatalog.KubeconfigNotFound, Health.Unknown, why));
        }

        try
        {
            if (KubeconfigFile.ClientCertificate(kubeconfig, files) is { } certificate && certificate.NotAfter <= time.GetUtcNow())
            {
                return ClusterSnapshot.Unavailable(StatusFindings.From(DiagnosticCatalog.KubeconfigCertificateExpired, Health.Unknown,
                    certificate.User, certificate.NotAfter.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture)));
            }

            return new ClusterSnapshot(factory.Create(kubeconfig));
        }
        catch (Exception e) when (e is k8s.Exceptions.KubeConfigException or IOException or FormatException or System.Security.Cryptography.CryptographicException or YamlDotNet.Core.YamlException)
        {
            return ClusterSnapshot.Unavailable(StatusFindings.From(DiagnosticCatalog.KubeconfigNotFound, Health.Unknown, $"{kubeconfig} cannot be read: {e.Message}"));
        }
    }
}
