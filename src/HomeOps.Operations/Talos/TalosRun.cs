using HomeOps.Core.Talos.Rendering;
using HomeOps.Core.Talos.Secrets;

namespace HomeOps.Operations.Talos;

/// <summary>One run of the Talos workflow: the secrets it used (null for a structure-only render) and the render.</summary>
public sealed record TalosRun(LoadedSecrets? Secrets, TalosRenderResult Result);
