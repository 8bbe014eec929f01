using HomeOps.Core.Diagnostics;
using HomeOps.Runtime.Probes;

namespace HomeOps.Operations.Doctor.Checks;

/// <summary>Redis: connect with the redis-auth password and PING (StackExchange.Redis).</summary>
public sealed class RedisCheck : ProbeCheck
{
    public override string Id => "redis";

    public override string Title => "Redis PING";

    protected override (string Namespace, string Service, string? PortName, int Port) Target => ("redis", "redis", null, 6379);

    protected override (string Namespace, string Name, string[] Keys)? Credentials => ("redis", "redis-auth", ["password"]);

    protected override DiagnosticDescriptor Failure => DiagnosticCatalog.RedisPingFailed;

    protected override Task<ProbeResult> ProbeAsync(DoctorContext context, ServiceEndpoint endpoint, IReadOnlyDictionary<string, string> login, CancellationToken cancellationToken) =>
        RedisProbe.PingAsync(endpoint.Host, endpoint.Port, login["password"], context.ProbeTimeout, cancellationToken);
}
