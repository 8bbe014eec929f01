namespace HomeOps.Fakes.Kubernetes;

/// <summary>What the fault plan decided for one request.</summary>
public abstract record FakeFault
{
    /// <summary>Close the connection without an answer.</summary>
    public sealed record Drop : FakeFault;

    /// <summary>Answer with a Status error instead of serving the request.</summary>
    public sealed record Respond(int Code, string Reason, string Message) : FakeFault;
}
