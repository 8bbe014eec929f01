namespace HomeOps.Core.Diagnostics;

// HO618x: what `homeops doctor`'s protocol probes find: a service that answers, but wrongly.
public static partial class DiagnosticCatalog
{
    public static readonly DiagnosticDescriptor MqttRoundTripFailed = Error(
        "HO6181", "mqtt-round-trip-failed", "Mosquitto does not carry a message",
        "Mosquitto at {0}: {1}",
        "Check the broker's log ('kubectl -n home-automation logs deploy/mosquitto') and the mosquitto-users Secret its password file is built from; a refused login means the Secret and the broker disagree (restart the broker after a rotation)");

    public static readonly DiagnosticDescriptor PostgresCheckFailed = Error(
        "HO6182", "postgres-check-failed", "PostgreSQL does not answer as the apps need",
        "PostgreSQL at {0}: {1}",
        "A missing database is a Database object CloudNativePG has not applied ('kubectl -n postgresql-system get databases'); a refused login is a managed role whose Secret changed ('kubectl cnpg status postgresql-cluster -n postgresql-system')");

    public static readonly DiagnosticDescriptor RedisPingFailed = Error(
        "HO6183", "redis-ping-failed", "Redis does not answer PING",
        "Redis at {0}: {1}",
        "Check 'kubectl -n redis logs deploy/redis'; a refused password means the redis-auth Secret and the server's requirepass disagree (restart Redis after a rotation)");

    public static readonly DiagnosticDescriptor IngressHttpsFailed = Error(
        "HO6184", "ingress-https-failed", "An ingress host does not serve valid HTTPS",
        "https://{0} through {1}: {2}",
        "The Certificates section names the certificate and why it is not renewed; a default certificate means the Ingress's TLS Secret is missing; 502/503 means the Service behind the Ingress has no ready pods");

    public static readonly DiagnosticDescriptor MatterServerNotAnswering = Error(
        "HO6185", "matter-server-not-answering", "The Matter Server's WebSocket does not answer",
        "Matter Server at {0}: {1}",
        "Check 'kubectl -n matter-server logs deploy/matter-server'; the server sends its info only once its fabric is loaded, so a server stuck starting (storage, network interface) answers nothing");

    public static readonly DiagnosticDescriptor ServiceNotReachableFromHere = Info(
        "HO6186", "service-not-reachable-from-workstation", "A service has no address a workstation can reach",
        "{0} has no address outside the cluster: {1}",
        "Forward it and say where: 'kubectl -n {2} port-forward svc/{3} {4}', then 'homeops doctor --endpoint {5}=127.0.0.1:{4}' (docs/doctor.md)");

    public static readonly DiagnosticDescriptor ProbeCredentialsMissing = Error(
        "HO6187", "probe-credentials-missing", "The Secret a probe logs in with is missing",
        "Cannot log in to {0}: {1}",
        "The ExternalSecret that writes it is not synced (the External Secrets section says why), or its key was renamed in the tree");

    public static readonly DiagnosticDescriptor CnpgNoPrimary = Error(
        "HO6188", "cnpg-no-primary", "A CloudNativePG cluster has no ready primary",
        "PostgreSQL cluster {0} has no ready primary: {1}",
        "Writes fail until a primary is elected: see 'kubectl cnpg status {2} -n {3}'; do not drain or upgrade a node while it lasts");
}
