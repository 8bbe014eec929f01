using HomeOps.Core.Diagnostics;
using HomeOps.Runtime.Probes;

namespace HomeOps.Operations.Doctor.Checks;

/// <summary>The Matter Server: its WebSocket (/ws) sends its server info unasked on connect (see <see cref="MatterProbe"/>).</summary>
public sealed class MatterCheck : ProbeCheck
{
    public override string Id => "matter";

    public override string Title => "Matter Server WebSocket";

    protected override (string Namespace, string Service, string? PortName, int Port) Target => ("matter-server", "matter-server", null, 5580);

    protected override DiagnosticDescriptor Failure => DiagnosticCatalog.MatterServerNotAnswering;

    protected override Task<ProbeResult> ProbeAsync(DoctorContext context, ServiceEndpoint endpoint, IReadOnlyDictionary<string, string> login, CancellationToken cancellationToken) =>
        MatterProbe.CheckAsync(new Uri($"ws://{endpoint}/ws"), context.ProbeTimeout, cancellationToken);
}
