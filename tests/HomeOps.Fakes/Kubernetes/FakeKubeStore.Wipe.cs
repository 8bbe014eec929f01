namespace HomeOps.Fakes.Kubernetes;

/// <summary>
/// What a Talos reset of every control plane does to the API server's data: etcd's data directory is on EPHEMERAL,
/// so every object and every CustomResourceDefinition is gone, and the next etcd bootstrap starts an empty cluster
/// (the four namespaces the API server creates itself come back). Open watches end; the revision counter keeps
/// counting, so no resourceVersion is reused. The simulated controllers stay: what they model outside the cluster
/// (object stores, the Longhorn backup target) outlives it.
/// </summary>
public sealed partial class FakeKubeStore
{
    private static readonly string[] s_systemNamespaces = ["default", "kube-system", "kube-public", "kube-node-lease"];

    public void Wipe()
    {
        lock (_gate)
        {
            var namespaces = Key(Type("", "v1", "namespaces")!);
            foreach (var key in _objects.Keys.Where(k => !(k.Type == namespaces && s_systemNamespaces.Contains(k.Name))).ToList())
            {
                _objects.Remove(key);
            }

            foreach (var (key, _) in _types.Where(t => t.Value.IsCustom && t.Value.Kind != "CustomResourceDefinition").ToList())
            {
                _types.Remove(key);
            }

            _established.Clear();
            _schemas.Clear();
            _history.Clear();
            foreach (var s in _subscribers)
            {
                s.Channel.Writer.TryComplete();
            }

            _subscribers.Clear();
        }
    }
}
