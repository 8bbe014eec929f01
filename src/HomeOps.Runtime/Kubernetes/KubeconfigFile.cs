using System.Security.Cryptography.X509Certificates;
using HomeOps.Runtime.Files;
using k8s;
using k8s.KubeConfigModels;

namespace HomeOps.Runtime.Kubernetes;

/// <summary>What a kubeconfig says about its current user's client certificate, read through an <see cref="IFileSystem"/> without contacting the server.</summary>
public static class KubeconfigFile
{
    /// <summary>The current user and when its client certificate stops being valid; null when it uses no certificate.</summary>
    public static (string User, DateTimeOffset NotAfter)? ClientCertificate(string path, IFileSystem files)
    {
        K8SConfiguration config;
        using (var stream = new MemoryStream(files.ReadAllBytes(path)))
        {
            config = KubernetesClientConfiguration.LoadKubeConfig(stream);
        }

        var context = config.Contexts?.FirstOrDefault(c => c.Name == config.CurrentContext);
        var userName = context?.ContextDetails?.User;
        var user = config.Users?.FirstOrDefault(u => u.Name == userName)?.UserCredentials;
        if (user is null)
        {
            return null;
        }

        var pem = user.ClientCertificateData is { Length: > 0 } data
            ? System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(data))
            : user.ClientCertificate is { Length: > 0 } file
                ? files.ReadAllText(Path.IsPathRooted(file) ? file : Path.Combine(Path.GetDirectoryName(files.GetFullPath(path))!, file))
                : null;
        if (pem is null)
        {
            return null;
        }

        using var certificate = X509Certificate2.CreateFromPem(pem);
        return (userName!, new DateTimeOffset(certificate.NotAfter.ToUniversalTime(), TimeSpan.Zero));
    }
}
