using System.Text.Json.Nodes;
using HomeOps.Core.Status;
using HomeOps.Runtime.Kubernetes;

namespace HomeOps.Operations.Status;

/// <summary>cert-manager Certificates: Ready and expiry (<see cref="CertificateStatus"/>).</summary>
public sealed class CertificatesSection : KubeStatusSection
{
    public override string Id => CertificateStatus.Id;

    public override string Title => CertificateStatus.Title;

    public override IReadOnlyList<KubeResource> Kinds => [KubeResource.Certificates];

    protected override StatusSection Evaluate(Func<KubeResource, IReadOnlyList<JsonObject>> items, DateTimeOffset now) =>
        CertificateStatus.Evaluate(items(KubeResource.Certificates), now);
}
