using HomeOps.Core.GitOps.Model;
using HomeOps.Core.Diagnostics;

namespace HomeOps.Core.GitOps.Rules;

/// <summary>HO3215: a Secret object that an ExternalSecret also writes (the two overwrite each other).</summary>
public sealed class SecretConflictRule : IGitOpsRule
{
    public IReadOnlyList<DiagnosticDescriptor> Descriptors => [DiagnosticCatalog.SecretConflictsWithExternalSecret];

    public IEnumerable<Diagnostic> Check(RuleContext context)
    {
        var targets = context.Tree.AllObjects
            .Where(o => o.Kind == "ExternalSecret" && o.Group == "external-secrets.io")
            .GroupBy(o => (o.Namespace, Name: o.Root.Str("spec", "target", "name") ?? o.Name))
            .ToDictionary(g => g.Key, g => g.First());
        foreach (var secret in context.Tree.AllObjects.Where(o => o.Kind == "Secret" && o.Group.Length == 0 && o.Origin.HelmRelease is null))
        {
            if (targets.TryGetValue((secret.Namespace, secret.Name), out var es))
            {
                yield return DiagnosticCatalog.SecretConflictsWithExternalSecret.At(secret.Origin.Span, $"{secret.Namespace}/{secret.Name}", $"{es.Namespace}/{es.Name}");
            }
        }
    }
}
