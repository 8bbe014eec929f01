using HomeOps.Core.Diagnostics;
using HomeOps.Core.Status;
using HomeOps.Runtime.Kubernetes;
using HomeOps.Runtime.Probes;
using static HomeOps.Core.Status.ObjectFields;

namespace HomeOps.Operations.Doctor.Checks;

/// <summary>
/// HTTPS through every Ingress host that has TLS: to the Ingress's own address (status.loadBalancer.ingress, which
/// ingress-nginx writes: the controller's LoadBalancer IP), with the host as SNI and Host header, so neither DNS
/// nor split-horizon matters. One Ingresses list; one connection per host.
/// </summary>
public sealed class IngressHttpsCheck : IDoctorCheck
{
    public string Id => "ingress";

    public string Title => "HTTPS through each ingress";

    public bool IsUpgradeGate => false;

    public async Task<DoctorCheckResult> RunAsync(DoctorContext context, CancellationToken cancellationToken)
    {
        var ingresses = await context.Cluster.ReadAsync(KubeResource.Ingresses, cancellationToken).ConfigureAwait(false);
        if (ingresses.Problem is { } problem)
        {
            return new DoctorCheckResult(Id, Title, problem.Health, problem.Message, [problem]);
        }

        var targets = ingresses.Items.OrderBy(KeyOf, StringComparer.Ordinal)
            .SelectMany(i => Objects(i, "spec", "tls").SelectMany(t => At(t, "hosts") is System.Text.Json.Nodes.JsonArray hosts ? hosts.Select(h => h?.ToString()) : []).OfType<string>()
                .Select(host => (Ingress: KeyOf(i), Host: host, Address: Objects(i, "status", "loadBalancer", "ingress").Select(a => Str(a, "ip") ?? Str(a, "hostname")).FirstOrDefault(a => a is { Length: > 0 }))))
            .Distinct().ToList();
        if (targets.Count == 0)
        {
            return DoctorCheckResult.Skip(this, "no Ingress has a TLS host");
        }

        var findings = new List<StatusFinding>();
        var passed = new List<string>();
        foreach (var (ingress, host, address) in targets)
        {
            var endpoint = context.Endpoints.Overrides.TryGetValue(Id, out var given) ? given : address is null ? null : new ServiceEndpoint(address, 443, $"address of Ingress {ingress}");
            if (endpoint is null)
            {
                findings.Add(StatusFindings.From(DiagnosticCatalog.ServiceNotReachableFromHere, Health.Unknown, $"Ingress {ingress}", "its status has no load balancer address yet",
                    "ingress-nginx", "ingress-nginx-controller", 443, Id));
                continue;
            }

            var result = await TlsProbe.CheckAsync(endpoint.Host, endpoint.Port, host, context.Time.GetUtcNow(), context.ProbeTimeout, cancellationToken, context.TrustedRoots).ConfigureAwait(false);
            if (result.Ok)
            {
                passed.Add(host);
            }
            else
            {
                findings.Add(result.Reached
                    ? StatusFindings.From(DiagnosticCatalog.IngressHttpsFailed, Health.Unhealthy, host, endpoint, result.Detail)
                    : StatusFindings.From(DiagnosticCatalog.ServiceProbeFailed, Health.Unknown, $"https://{host} through {endpoint}", result.Detail));
            }
        }

        return DoctorCheckResult.From(this, $"{passed.Count}/{targets.Count} host(s) serve valid HTTPS{(passed.Count > 0 ? ": " + string.Join(", ", passed) : string.Empty)}", findings);
    }
}
