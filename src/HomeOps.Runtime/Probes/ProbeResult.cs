namespace HomeOps.Runtime.Probes;

/// <summary>
/// What a protocol probe found: <see cref="Ok"/> when the service answered as it should, otherwise why not, in one
/// line that never holds a credential. <see cref="Reached"/> tells "the service answered wrongly" (false Ok, true
/// Reached) from "nothing answered" (connection refused, timeout, TLS handshake failed).
/// </summary>
public sealed record ProbeResult(bool Ok, bool Reached, string Detail)
{
    public static ProbeResult Healthy(string detail) => new(true, true, detail);

    public static ProbeResult Wrong(string detail) => new(false, true, detail);

    public static ProbeResult Unreachable(string detail) => new(false, false, detail);
}
