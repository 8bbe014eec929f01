using System.Text.Json.Nodes;
using HomeOps.Core.Status;
using HomeOps.Runtime.Kubernetes;

namespace HomeOps.Operations.Status;

/// <summary>ExternalSecrets and whether each is SecretSynced (<see cref="ExternalSecretStatus"/>).</summary>
public sealed class ExternalSecretsSection : KubeStatusSection
{
    public override string Id => ExternalSecretStatus.Id;

    public override string Title => ExternalSecretStatus.Title;

    public override IReadOnlyList<KubeResource> Kinds => [KubeResource.ExternalSecrets];

    protected override StatusSection Evaluate(Func<KubeResource, IReadOnlyList<JsonObject>> items, DateTimeOffset now) =>
        ExternalSecretStatus.Evaluate(items(KubeResource.ExternalSecrets), now);
}
