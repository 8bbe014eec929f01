using HomeOps.Core.GitOps.Model;
using HomeOps.Core.Diagnostics;

namespace HomeOps.Core.GitOps.Rules;

/// <summary>HO3210: images with no tag (and no digest) or tagged latest.</summary>
public sealed class ImageRule : IGitOpsRule
{
    public IReadOnlyList<DiagnosticDescriptor> Descriptors => [DiagnosticCatalog.ImageNotPinned];

    public IEnumerable<Diagnostic> Check(RuleContext context)
    {
        foreach (var obj in context.Tree.AllObjects)
        {
            foreach (var (container, path) in PodSpecs.Containers(obj))
            {
                var image = container.Str("image");
                if (image is null || image.Contains('@', StringComparison.Ordinal))
                {
                    continue;
                }

                var tag = Tag(image);
                var problem = tag is null ? "without a tag (Kubernetes pulls :latest)" : tag == "latest" ? "tagged latest" : null;
                if (problem is not null)
                {
                    yield return DiagnosticCatalog.ImageNotPinned.At(obj.Origin.Locate([.. path, "image"]), obj, image, problem);
                }
            }
        }
    }

    /// <summary>The tag of an image reference, or null; a registry port (host:5000/app) is not a tag.</summary>
    public static string? Tag(string image)
    {
        var lastSlash = image.LastIndexOf('/');
        var colon = image.IndexOf(':', lastSlash + 1);
        return colon < 0 ? null : image[(colon + 1)..];
    }
}
