namespace HomeOps.Fakes.Kubernetes;

/// <summary>
/// Fault injection for the fake API server: a fixed latency on every request, and one-shot faults (an error
/// status, a 409 conflict on writes, a dropped connection) consumed by the next matching requests.
/// Downtime is <see cref="FakeKubeApiServer.TakeDownAsync"/>.
/// </summary>
public sealed class FakeKubeFaults
{
    private readonly Lock _gate = new();
    private readonly List<(Func<string, string, bool> Match, FakeFault Fault, int Remaining)> _planned = [];

    public TimeSpan Latency { get; set; }

    /// <summary>How many planned faults have fired.</summary>
    public int Fired { get; private set; }

    /// <summary>
    /// The next <paramref name="count"/> requests whose "METHOD /path?query" contains <paramref name="pathContains"/> fail
    /// with <paramref name="code"/> (reason TooManyRequests, Forbidden, InternalError or BadRequest by the code), and
    /// <paramref name="message"/> when given (a 403's text names the user and the verb the RBAC rules lack).
    /// </summary>
    public void FailNext(int count, int code, string pathContains = "", string? method = null, string? message = null) =>
        Plan(count, (m, line) => (method is null || m == method) && line.Contains(pathContains, StringComparison.Ordinal),
            new FakeFault.Respond(code, code switch { 429 => "TooManyRequests", 403 => "Forbidden", >= 500 => "InternalError", _ => "BadRequest" },
                message ?? (code == 429 ? "Too many requests, please try again later." : $"Internal error occurred: injected fault {code}")));

    /// <summary>The next writes (POST, PUT, PATCH) matching answer 409 Conflict.</summary>
    public void ConflictNext(int count, string pathContains = "") =>
        Plan(count, (m, line) => m is "POST" or "PUT" or "PATCH" && line.Contains(pathContains, StringComparison.Ordinal),
            new FakeFault.Respond(409, "Conflict", "Operation cannot be fulfilled: the object has been modified; please apply your changes to the latest version and try again"));

    /// <summary>The next requests matching get their connection closed without an answer.</summary>
    public void DropNext(int count, string pathContains = "") =>
        Plan(count, (_, line) => line.Contains(pathContains, StringComparison.Ordinal), new FakeFault.Drop());

    /// <summary>
    /// Every request (or the next <paramref name="count"/>) answers 401 with reason and message "Unauthorized", as
    /// kube-apiserver answers credentials it does not accept: an expired client certificate, a revoked token, another
    /// cluster's kubeconfig (apiserver pkg/endpoints/filters/authentication.go, Unauthorized).
    /// </summary>
    public void RejectCredentials(int count = int.MaxValue) =>
        Plan(count, (_, _) => true, new FakeFault.Respond(401, "Unauthorized", "Unauthorized"));

    public void Clear()
    {
        lock (_gate)
        {
            _planned.Clear();
        }
    }

    internal async Task<FakeFault?> BeforeRequestAsync(string method, string line, CancellationToken cancellationToken)
    {
        if (Latency > TimeSpan.Zero)
        {
            await Task.Delay(Latency, cancellationToken).ConfigureAwait(false);
        }

        lock (_gate)
        {
            for (var i = 0; i < _planned.Count; i++)
            {
                var (match, fault, remaining) = _planned[i];
                if (!match(method, line))
                {
                    continue;
                }

                if (remaining <= 1)
                {
                    _planned.RemoveAt(i);
                }
                else
                {
                    _planned[i] = (match, fault, remaining - 1);
                }

                Fired++;
                return fault;
            }
        }

        return null;
    }

    private void Plan(int count, Func<string, string, bool> match, FakeFault fault)
    {
        lock (_gate)
        {
            _planned.Add((match, fault, count));
        }
    }
}
