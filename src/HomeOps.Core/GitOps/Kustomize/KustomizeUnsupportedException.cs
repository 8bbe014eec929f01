namespace HomeOps.Core.GitOps.Kustomize;

/// <summary>
/// The in-process build met something it does not reproduce byte for byte (a kustomize feature, an unusual value,
/// or an input kustomize itself rejects): the real kustomize builds that Kustomization instead, and reports any error.
/// </summary>
internal sealed class KustomizeUnsupportedException(string what) : Exception(what);
