using HomeOps.Core.GitOps.Model;
using HomeOps.Core.Diagnostics;
using HomeOps.Core.GitOps.Flux;

namespace HomeOps.Core.GitOps.Rules;

/// <summary>HO3217 sources nothing uses; HO3218 HelmRelease chart versions that are not pinned.</summary>
public sealed class SourceRules : IGitOpsRule
{
    private static readonly HashSet<string> s_sourceKinds = new(StringComparer.Ordinal) { "HelmRepository", "OCIRepository", "GitRepository", "Bucket", "HelmChart" };

    public IReadOnlyList<DiagnosticDescriptor> Descriptors => [DiagnosticCatalog.SourceUnused, DiagnosticCatalog.ChartVersionNotPinned];

    public IEnumerable<Diagnostic> Check(RuleContext context)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var k in context.Tree.Kustomizations)
        {
            if (k.Spec.SourceRef is { } s)
            {
                used.Add(s.ToString());
            }
        }

        foreach (var obj in context.Tree.AllObjects.Where(o => o.Group == FluxKinds.HelmGroup && o.Kind == "HelmRelease"))
        {
            var spec = HelmReleaseSpec.FromObject(obj);
            foreach (var r in new[] { spec.SourceRef, spec.ChartRef })
            {
                if (r is not null)
                {
                    used.Add(r.ToString());
                }
            }

            if (spec.SourceRef is { Kind: "HelmRepository" } && IsUnpinned(spec.Version))
            {
                yield return DiagnosticCatalog.ChartVersionNotPinned.At(obj.Origin.Locate("spec", "chart", "spec", "version"), spec.Id, spec.Version ?? "(none: the newest)");
            }
        }

        foreach (var chart in context.Tree.AllObjects.Where(o => o.Group == FluxKinds.SourceGroup && o.Kind == "HelmChart"))
        {
            used.Add($"{chart.Root.Str("spec", "sourceRef", "kind")}/{chart.Root.Str("spec", "sourceRef", "namespace") ?? chart.Namespace}/{chart.Root.Str("spec", "sourceRef", "name")}");
        }

        // Any object that names a source in spec.sourceRef uses it: ImageUpdateAutomation, tofu-controller's
        // Terraform, Flagger and other controllers built on Flux sources. A Receiver lists the sources it notifies.
        foreach (var user in context.Tree.AllObjects)
        {
            if (user.Kind == "Receiver")
            {
                foreach (var r in user.Root.Seq("spec", "resources"))
                {
                    used.Add($"{r.Str("kind")}/{r.Str("namespace") ?? user.Namespace}/{r.Str("name")}");
                }
            }

            if (user.Root.Map("spec", "sourceRef") is { } sr)
            {
                used.Add($"{sr.Str("kind")}/{sr.Str("namespace") ?? user.Namespace}/{sr.Str("name")}");
            }
        }

        foreach (var source in context.Tree.AllObjects.Where(o => o.Group == FluxKinds.SourceGroup && s_sourceKinds.Contains(o.Kind) && o.Kind != "HelmChart"))
        {
            if (!used.Contains($"{source.Kind}/{source.Namespace}/{source.Name}"))
            {
                yield return DiagnosticCatalog.SourceUnused.At(source.Origin.Span, source.Kind, $"{source.Namespace}/{source.Name}");
            }
        }
    }

    private static bool IsUnpinned(string? version) =>
        version is null || version.Length == 0 || version.IndexOfAny(['*', '^', '~', '>', '<', ' ', '|']) >= 0 || version.EndsWith(".x", StringComparison.Ordinal);
}
