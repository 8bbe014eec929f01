using HomeOps.Core.GitOps.Build;
using HomeOps.Core.GitOps.Flux;

namespace HomeOps.Core.GitOps.Model;

/// <summary>One Flux Kustomization of the tree: its spec, what its build read, and the objects it applies.</summary>
public sealed class KustomizationNode(FluxKustomization spec, string? parent)
{
    public FluxKustomization Spec { get; } = spec;

    public string Id => Spec.Id;

    /// <summary>The Kustomization whose build contains this Kustomization object (null for the root).</summary>
    public string? Parent { get; } = parent;

    public BuildInputs? Inputs { get; set; }

    /// <summary>The content hash of the build inputs, the key of the build cache.</summary>
    public string? InputHash { get; set; }

    /// <summary>A hash of the resolved postBuild variables: with <see cref="InputHash"/>, everything the output depends on.</summary>
    public string? VariablesHash { get; set; }

    /// <summary>Objects applied directly (kustomize output after substitution).</summary>
    public List<KubeObject> Objects { get; } = [];

    public List<ReleaseNode> Releases { get; } = [];

    public bool Built { get; set; }

    public bool FromCache { get; set; }

    public string? SkipReason { get; set; }

    /// <summary>Variables of postBuild, after substituteFrom is resolved (name → where it was defined).</summary>
    public Dictionary<string, string> VariableSources { get; } = new(StringComparer.Ordinal);

    /// <summary>A substituteFrom source is missing, so which variables are defined is not fully known.</summary>
    public bool VariablesIncomplete { get; set; }

    /// <summary>The files defining the substituteFrom sources that were found (repository-relative).</summary>
    public HashSet<string> VariableFiles { get; } = new(StringComparer.Ordinal);

    /// <summary>Variables referenced by the objects of this Kustomization.</summary>
    public HashSet<string> UsedVariables { get; } = new(StringComparer.Ordinal);

    /// <summary>Everything this Kustomization makes exist: its objects and everything its HelmReleases rendered.</summary>
    public IEnumerable<KubeObject> AllObjects => Objects.Concat(Releases.SelectMany(r => r.Objects));

    /// <summary>True when some HelmRelease was not rendered, so what this Kustomization provides is not fully known.</summary>
    public bool HasUnrenderedReleases => Releases.Exists(r => !r.Rendered);
}
