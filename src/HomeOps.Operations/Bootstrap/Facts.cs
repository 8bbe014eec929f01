namespace HomeOps.Operations.Bootstrap;

/// <summary>Keys of facts steps record in the state file.</summary>
public static class Facts
{
    /// <summary>The API server address that answered last (a node address, then the VIP).</summary>
    public const string ApiServer = "apiServer";

    /// <summary>Fingerprint of the inputs of the last render.</summary>
    public const string RenderFingerprint = "renderFingerprint";
}
