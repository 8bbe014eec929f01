using HomeOps.Core.ClusterConfig;
using HomeOps.Core.Diagnostics;
using HomeOps.Core.GitOps.Model;
using HomeOps.Core.GitOps.Rules;
using HomeOps.Core.Schema;

namespace HomeOps.Operations.GitOps;

/// <summary>A built and rendered tree with what was learned on the way (before any rule runs).</summary>
public sealed record RenderedTree(
    GitOpsTree? Tree,
    List<Diagnostic> Diagnostics,
    ClusterDefinition? Cluster,
    ValidateSettings Settings,
    List<(string Variable, KubeObject Object)> Undefined,
    BuiltinSchemas? Builtin,
    string? KubernetesVersion);
