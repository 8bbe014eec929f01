using HomeOps.Core.Diagnostics;
using HomeOps.Core.GitOps.Model;
using HomeOps.Core.Schema;

namespace HomeOps.Core.GitOps.Rules;

/// <summary>
/// HO3101-HO3106, HO3108, HO3109: every object against its schema (built-in kinds of the cluster's Kubernetes
/// version, CRDs from the tree, charts or schema folders), built-in APIs the cluster's version removed and those a
/// later version removes (pluto's job, from the same API data). A kind without a schema is reported once as skipped,
/// never silently passed.
/// </summary>
public sealed class SchemaRule : IGitOpsRule
{
    public IReadOnlyList<DiagnosticDescriptor> Descriptors =>
    [
        DiagnosticCatalog.SchemaUnknownField, DiagnosticCatalog.SchemaWrongType, DiagnosticCatalog.SchemaMissingRequired,
        DiagnosticCatalog.SchemaValueNotAllowed, DiagnosticCatalog.SchemaMissing, DiagnosticCatalog.ApiVersionNotServed,
        DiagnosticCatalog.ApiRemoved, DiagnosticCatalog.ApiRemovedInLaterVersion,
    ];

    public IEnumerable<Diagnostic> Check(RuleContext context)
    {
        var validator = new SchemaValidator(context.Schemas.Builtin);
        var missing = new Dictionary<string, (KubeObject First, int Count)>(StringComparer.Ordinal);
        var k8s = context.Schemas.Builtin is { } b ? $"Kubernetes {b.KubernetesVersion}" : "the cluster";
        foreach (var obj in context.Tree.AllObjects)
        {
            // A verdict of an earlier run for the same content against the same schema: no schema to parse, no walk.
            var identity = context.Schemas.Fingerprint(obj.ApiVersion, obj.Kind);
            var key = identity is null ? null : SchemaVerdicts.Key(obj.ContentHash, identity.Value.Fingerprint, context.Schemas.Builtin?.KubernetesVersion);
            var verdict = key is null ? null : context.SchemaVerdicts.Find(key);
            var source = identity?.Source;
            if (verdict is null)
            {
                var schema = context.Schemas.Find(obj.ApiVersion, obj.Kind);
                if (schema is null)
                {
                    if (context.Schemas.Builtin?.RemovedBefore(obj.ApiVersion, obj.Kind) is { } removed)
                    {
                        var fix = removed.Replacement.Length == 0 ? "Remove the object: nothing replaces this API" : $"Use apiVersion: {removed.Replacement}";
                        yield return DiagnosticCatalog.ApiRemoved.At(obj.Origin.Locate("apiVersion"), obj, obj.ApiVersion, obj.Kind, removed.RemovedIn, context.Schemas.Builtin.KubernetesVersion, fix);
                        continue;
                    }

                    if (context.Schemas.ServedVersionsIfWrong(obj.ApiVersion, obj.Kind) is { } served)
                    {
                        var use = served.Count == 0 ? "a kind this API group serves (or remove the object)" : $"apiVersion: {string.Join(" or ", served)}";
                        yield return DiagnosticCatalog.ApiVersionNotServed.At(obj.Origin.Locate("apiVersion"), obj, obj.ApiVersion, k8s, obj.Kind, use);
                        continue;
                    }

                    var kind = $"{obj.ApiVersion} {obj.Kind}";
                    missing[kind] = missing.TryGetValue(kind, out var m) ? (m.First, m.Count + 1) : (obj, 1);
                    continue;
                }

                verdict = new SchemaVerdict(validator.Validate(obj.Root, schema));
                source = schema.Source;
                if (key is not null)
                {
                    context.SchemaVerdicts.Add(key, verdict);
                }
            }

            if (context.Schemas.Builtin is { } builtin && builtin.Find(obj.ApiVersion, obj.Kind) is not null && builtin.RemovedAfter(obj.ApiVersion, obj.Kind) is { } gone)
            {
                var others = builtin.VersionsOf(obj.Group, obj.Kind).Where(v => v != obj.ApiVersion && BuiltinSchemas.Load(gone)?.Find(v, obj.Kind) is not null).ToList();
                var fix = others.Count == 0 ? "Plan a replacement" : $"Move to apiVersion: {string.Join(" or ", others)}";
                yield return DiagnosticCatalog.ApiRemovedInLaterVersion.At(obj.Origin.Locate("apiVersion"), obj, obj.ApiVersion, obj.Kind, gone, builtin.KubernetesVersion, fix);
            }

            var encrypted = Sops.IsEncrypted(obj.Root);
            foreach (var v in verdict.Violations)
            {
                // kustomize-controller decrypts a SOPS document and drops its sops metadata before applying it; the
                // encrypted values are strings, whatever type the field has once decrypted.
                if (encrypted && ((v.Path.Count > 0 && Equals(v.Path[0], "sops")) || v.Kind is ViolationKind.WrongType or ViolationKind.NotAllowedValue))
                {
                    continue;
                }

                var path = YamlAccess.FormatPath(v.Path);
                var at = obj.Origin.Locate([.. v.Path]);
                yield return v.Kind switch
                {
                    ViolationKind.UnknownField => DiagnosticCatalog.SchemaUnknownField.At(at, obj, v.Message, path.Length == 0 ? "the top level" : path, source),
                    ViolationKind.WrongType => DiagnosticCatalog.SchemaWrongType.At(at, obj, v.Message, path, source),
                    ViolationKind.MissingRequired => DiagnosticCatalog.SchemaMissingRequired.At(at, obj, v.Message, path.Length == 0 ? "the top level" : path, source),
                    _ => DiagnosticCatalog.SchemaValueNotAllowed.At(at, obj, v.Message, path, source),
                };
            }
        }

        foreach (var (key, (first, count)) in missing)
        {
            yield return DiagnosticCatalog.SchemaMissing.At(first.Origin.Span, key, count);
        }
    }
}
