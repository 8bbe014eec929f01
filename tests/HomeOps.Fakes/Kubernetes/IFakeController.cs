namespace HomeOps.Fakes.Kubernetes;

/// <summary>
/// A simulated controller: sees every change in the store, in order, and may write back (through the store's
/// public methods), as a real controller would through the API.
/// </summary>
public interface IFakeController
{
    void OnChanged(FakeKubeStore store, FakeWatchEvent change);
}
