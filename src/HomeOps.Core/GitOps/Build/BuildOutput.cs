using HomeOps.Core.Diagnostics;
using HomeOps.Core.GitOps.Flux;
using HomeOps.Core.GitOps.Model;
using HomeOps.Core.Yaml;

namespace HomeOps.Core.GitOps.Build;

/// <summary>
/// Turns kustomize output into the objects Flux would apply: one document at a time, post-build substitution on its
/// text (unless disabled per object), then origins from kustomize's <c>config.kubernetes.io/origin</c> annotation.
/// </summary>
public static class BuildOutput
{
    /// <summary>The documents of a YAML stream, each as its own text (every line ending in '\n'; blank documents left out).</summary>
    public static IReadOnlyList<string> SplitDocuments(string text)
    {
        var docs = new List<string>();
        var normalized = text.Contains('\r', StringComparison.Ordinal) ? text.Replace("\r\n", "\n", StringComparison.Ordinal) : text;
        var current = new System.Text.StringBuilder();
        foreach (var range in normalized.AsSpan().Split('\n'))
        {
            var line = normalized.AsSpan(range);
            if (line is "---" || line.StartsWith("--- ", StringComparison.Ordinal))
            {
                Flush(docs, current);
                continue;
            }

            current.Append(line).Append('\n');
        }

        Flush(docs, current);
        return docs;
    }

    /// <summary>
    /// The documents of a build's output, parsed, each with its origin: what <see cref="Populate"/> needs that does not
    /// depend on other Kustomizations, so the builds of one wave read theirs in parallel.
    /// </summary>
    /// <param name="resolveOrigin">Maps an origin annotation path to a repository-relative path (null when outside the repository).</param>
    public static IReadOnlyList<OutputDocument> Read(KustomizationNode node, string output, Func<string, string?> resolveOrigin, SourceIndex sources)
    {
        var fallback = KustomizeInputs.KustomizationFile(sources.Tree, node.Spec.Path) ?? node.Spec.Path;
        var documents = new List<OutputDocument>();
        var index = 0;
        foreach (var text in SplitDocuments(output))
        {
            index++;
            var label = $"{node.Spec.Path} document {index}";
            var parsed = new DiagnosticBag();
            if (sources.Parse(text, label, parsed).FirstOrDefault() is YamlMapping root)
            {
                documents.Add(new OutputDocument(text, label, root, parsed.HasErrors, Origin(root, node, resolveOrigin, sources, fallback)));
            }
        }

        return documents;
    }

    /// <summary>The node's objects from its output documents (<see cref="Read"/>): post-build substitution with <paramref name="variables"/>, then checks.</summary>
    public static void Populate(
        KustomizationNode node,
        IReadOnlyList<OutputDocument> documents,
        Dictionary<string, string>? variables,
        bool strict,
        SourceIndex sources,
        DiagnosticBag diagnostics,
        List<(string Variable, KubeObject Object)> undefined)
    {
        foreach (var (docText, label, parsedRoot, malformed, origin) in documents)
        {
            var root = parsedRoot;
            if (variables is { Count: > 0 } && !SubstitutionDisabled(root))
            {
                var result = Substitution.Apply(docText, variables, strict);
                var probe = new KubeObject(root, origin);
                node.UsedVariables.UnionWith(result.Used);
                if (result.Error is { } error)
                {
                    // Evaluation stopped at the error; the names after it are still referenced.
                    node.UsedVariables.UnionWith(System.Text.RegularExpressions.Regex.Matches(docText, @"\$\{#?([A-Za-z0-9_]+)").Select(m => m.Groups[1].Value));
                    diagnostics.Add(DiagnosticCatalog.SubstitutionSyntax.At(LocateText(sources, origin, error.Expression), node.Id, error.Expression, probe, error.Message));
                    continue;
                }

                foreach (var v in result.Undefined)
                {
                    undefined.Add((v, probe));
                }

                // Nothing substituted (most objects): parsing the same text again would give the same object.
                if (malformed || !string.Equals(result.Text, docText, StringComparison.Ordinal))
                {
                    var bag = new DiagnosticBag();
                    if (sources.Parse(result.Text, label, bag).FirstOrDefault() is not YamlMapping substituted || bag.HasErrors)
                    {
                        // A missing substituteFrom source already failed the build; its empty values break YAML as a consequence.
                        if (!node.VariablesIncomplete)
                        {
                            var first = result.Undefined.FirstOrDefault();
                            var at = first is null ? origin.Span : LocateText(sources, origin, "${" + first + "}");
                            diagnostics.Add(DiagnosticCatalog.SubstitutionSyntax.At(at, node.Id, first is null ? "the substituted values" : "${" + first + "}", probe,
                                "the object is no longer valid YAML after substitution (an empty or unquoted value)"));
                        }

                        continue;
                    }

                    root = substituted;
                }
            }

            var obj = new KubeObject(root, origin);
            if (obj.ApiVersion.Length == 0 || obj.Kind.Length == 0 || obj.Name.Length == 0)
            {
                var missing = obj.ApiVersion.Length == 0 ? "apiVersion" : obj.Kind.Length == 0 ? "kind" : "metadata.name";
                diagnostics.Add(DiagnosticCatalog.ObjectUndecodable.At(origin.Span, node.Id, missing));
                continue;
            }

            node.Objects.Add(obj);
        }
    }

    public static bool SubstitutionDisabled(YamlMapping root) =>
        root.Str("metadata", "labels", FluxKinds.SubstituteAnnotation) == "disabled"
        || root.Str("metadata", "annotations", FluxKinds.SubstituteAnnotation) == "disabled";

    /// <summary>Where an expression is written in the object's source file (first occurrence), else the object itself.</summary>
    public static SourceSpan LocateText(SourceIndex sources, ObjectOrigin origin, string needle)
    {
        if (sources.Tree.ReadText(origin.File) is { } text && needle.Length > 0)
        {
            var start = origin.Line > 1 ? LineOffset(text, origin.Line) : 0;
            var at = text.IndexOf(needle, start, StringComparison.Ordinal);
            if (at < 0)
            {
                at = text.IndexOf(needle, StringComparison.Ordinal);
            }

            if (at >= 0)
            {
                var line = 1 + text.AsSpan(0, at).Count('\n');
                var column = at - (text.LastIndexOf('\n', Math.Max(0, at - 1)) + 1) + 1;
                return SourceSpan.At(origin.File, line, column);
            }
        }

        return origin.Span;
    }

    private static int LineOffset(string text, int line)
    {
        var offset = 0;
        for (var i = 1; i < line && offset >= 0; i++)
        {
            offset = text.IndexOf('\n', offset) + 1;
            if (offset == 0)
            {
                return 0;
            }
        }

        return offset;
    }

    private static ObjectOrigin Origin(YamlMapping root, KustomizationNode node, Func<string, string?> resolveOrigin, SourceIndex sources, string fallback)
    {
        var annotation = root.Str("metadata", "annotations", KubeObject.OriginAnnotation);
        var kind = root.Str("kind") ?? string.Empty;
        var name = root.Str("metadata", "name") ?? string.Empty;
        if (annotation is not null)
        {
            var fields = sources.Parse(annotation, "origin", new DiagnosticBag()).FirstOrDefault();
            var file = fields.Str("path") is { } p ? resolveOrigin(p) : null;
            if (file is not null && sources.Find(file, kind, name) is { } source)
            {
                return new ObjectOrigin(node.Id, file, source.Root.Span.Line, source);
            }

            var configuredIn = fields.Str("configuredIn") is { } c ? resolveOrigin(c) : null;
            if ((file ?? configuredIn) is { } f)
            {
                var generator = fields.Str("configuredBy", "kind");
                var line = generator is not null && configuredIn is not null ? FindLine(sources, configuredIn, name) : 1;
                return new ObjectOrigin(node.Id, f, line);
            }
        }

        return new ObjectOrigin(node.Id, fallback, 1);
    }

    /// <summary>The line of a generator entry (configMapGenerator/secretGenerator name) in a kustomization file.</summary>
    private static int FindLine(SourceIndex sources, string file, string generatedName)
    {
        if (sources.Documents(file).FirstOrDefault() is YamlMapping root)
        {
            foreach (var key in (string[])["configMapGenerator", "secretGenerator"])
            {
                foreach (var g in root.Seq(key))
                {
                    if (g.Str("name") is { } n && generatedName.StartsWith(n, StringComparison.Ordinal))
                    {
                        return g.Span.Line;
                    }
                }
            }
        }

        return 1;
    }

    private static void Flush(List<string> docs, System.Text.StringBuilder current)
    {
        if (current.Length > 0 && current.ToString() is var doc && !string.IsNullOrWhiteSpace(doc))
        {
            docs.Add(doc);
        }

        current.Clear();
    }
}

/// <summary>A document of a build's output as <see cref="BuildOutput.Read"/> parsed it: its text, its parse label, its root, whether it parsed with errors, and its origin.</summary>
public sealed record OutputDocument(string Text, string Label, YamlMapping Root, bool Malformed, ObjectOrigin Origin);
