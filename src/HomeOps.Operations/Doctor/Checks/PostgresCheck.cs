using HomeOps.Core.Diagnostics;
using HomeOps.Runtime.Probes;

namespace HomeOps.Operations.Doctor.Checks;

/// <summary>
/// PostgreSQL (the CloudNativePG primary's -rw Service): log in as Authentik's managed role, SELECT 1, and check the
/// databases of Authentik and Home Assistant exist (Npgsql). The tree's databases.yaml declares both.
/// </summary>
public sealed class PostgresCheck : ProbeCheck
{
    public static readonly IReadOnlyList<string> Databases = ["authentik", "homeassistant"];

    public override string Id => "postgresql";

    public override string Title => "PostgreSQL SELECT 1 and databases";

    protected override (string Namespace, string Service, string? PortName, int Port) Target => ("postgresql-system", "postgresql-cluster-rw", null, 5432);

    protected override (string Namespace, string Name, string[] Keys)? Credentials => ("postgresql-system", "postgresql-role-authentik", ["username", "password"]);

    protected override DiagnosticDescriptor Failure => DiagnosticCatalog.PostgresCheckFailed;

    protected override Task<ProbeResult> ProbeAsync(DoctorContext context, ServiceEndpoint endpoint, IReadOnlyDictionary<string, string> login, CancellationToken cancellationToken) =>
        PostgresProbe.CheckAsync(endpoint.Host, endpoint.Port, login["username"], login["password"], "authentik", Databases, context.ProbeTimeout, cancellationToken);
}
