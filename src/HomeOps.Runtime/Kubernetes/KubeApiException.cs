namespace HomeOps.Runtime.Kubernetes;

/// <summary>
/// The API server refused a request for a reason retrying will not fix (403, 404 on a write, 409, 422, ...), or
/// kept failing transiently until the retries ran out. <see cref="Reason"/> is the Status reason when present.
/// </summary>
public sealed class KubeApiException(string operation, int statusCode, string reason, string message, Exception? inner = null)
    : Exception($"{operation}: {(statusCode == 0 ? "" : $"HTTP {statusCode} ")}{(reason.Length == 0 ? "" : reason + ": ")}{message}", inner)
{
    public string Operation { get; } = operation;

    /// <summary>The HTTP status, or 0 when the server could not be reached at all.</summary>
    public int StatusCode { get; } = statusCode;

    public string Reason { get; } = reason;

    public string ServerMessage { get; } = message;

    public bool IsUnreachable => StatusCode == 0;
}
