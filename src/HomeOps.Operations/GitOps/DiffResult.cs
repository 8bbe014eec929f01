using HomeOps.Core.Diagnostics;
using HomeOps.Core.GitOps.Output;

namespace HomeOps.Operations.GitOps;

/// <summary>The object changes between two revisions, and the problems met while rendering either side.</summary>
public sealed record DiffResult(IReadOnlyList<ObjectChange> Changes, IReadOnlyList<Diagnostic> Diagnostics, string BaseLabel, string HeadLabel, int ComparedKustomizations);
