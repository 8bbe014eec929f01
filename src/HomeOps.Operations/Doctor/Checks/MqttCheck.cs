using HomeOps.Core.Diagnostics;
using HomeOps.Runtime.Probes;

namespace HomeOps.Operations.Doctor.Checks;

/// <summary>Mosquitto: MQTT connect with the mosquitto-users login, then a publish/subscribe round trip (MQTTnet).</summary>
public sealed class MqttCheck : ProbeCheck
{
    public override string Id => "mqtt";

    public override string Title => "Mosquitto MQTT round trip";

    protected override (string Namespace, string Service, string? PortName, int Port) Target => ("home-automation", "mosquitto", null, 1883);

    protected override (string Namespace, string Name, string[] Keys)? Credentials => ("home-automation", "mosquitto-users", ["username", "password"]);

    protected override DiagnosticDescriptor Failure => DiagnosticCatalog.MqttRoundTripFailed;

    protected override Task<ProbeResult> ProbeAsync(DoctorContext context, ServiceEndpoint endpoint, IReadOnlyDictionary<string, string> login, CancellationToken cancellationToken) =>
        MqttProbe.RoundTripAsync(endpoint.Host, endpoint.Port, login["username"], login["password"], context.ProbeTimeout, cancellationToken);
}
