using System.Text;
using HomeOps.Operations.Status;
using HomeOps.Runtime.Kubernetes;

namespace HomeOps.Operations.Doctor;

/// <summary>
/// The credentials a probe logs in with, read from the cluster's Secrets by name (one GET each, never a list of
/// every Secret). Values go to the probe and nowhere else: no message, log or result holds them, only the Secret's
/// name and key.
/// </summary>
public static class ClusterSecrets
{
    /// <summary>The Secret's keys, decoded, or why they cannot be read.</summary>
    public static async Task<(IReadOnlyDictionary<string, string>? Values, string? Why)> ReadAsync(ClusterSnapshot cluster, string ns, string name, IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        if (cluster.Api is not { } api)
        {
            return (null, "the cluster cannot be asked");
        }

        System.Text.Json.Nodes.JsonObject? secret;
        try
        {
            secret = await api.GetAsync(KubeResource.Secrets, ns, name, cancellationToken).ConfigureAwait(false);
        }
        catch (KubeApiException e)
        {
            return (null, $"reading Secret {ns}/{name} failed: {(e.StatusCode == 403 ? "forbidden (HTTP 403)" : e.ServerMessage)}");
        }

        if (secret is null)
        {
            return (null, $"Secret {ns}/{name} does not exist");
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            if (secret["data"]?[key]?.GetValue<string>() is not { } encoded)
            {
                return (null, $"Secret {ns}/{name} has no key '{key}'");
            }

            try
            {
                values[key] = Encoding.UTF8.GetString(Convert.FromBase64String(encoded));
            }
            catch (FormatException)
            {
                return (null, $"Secret {ns}/{name} key '{key}' is not base64");
            }
        }

        return (values, null);
    }
}
