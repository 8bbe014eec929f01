using System.Text.Json.Nodes;

namespace HomeOps.Fakes.Kubernetes;

/// <summary>Thrown inside the fake store to answer a request with a Status error.</summary>
public sealed class FakeKubeException(JsonObject status) : Exception(status["message"]?.GetValue<string>())
{
    public JsonObject Status { get; } = status;

    public int Code => Status["code"]!.GetValue<int>();
}
