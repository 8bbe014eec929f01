using HomeOps.Core.Diagnostics;
using HomeOps.Core.GitOps.Model;
using HomeOps.Core.Schema;
using HomeOps.Core.Yaml;

namespace HomeOps.Core.Tests.GitOps;

public sealed class SchemaValidatorTests
{
    private static readonly BuiltinSchemas s_k8s = BuiltinSchemas.Load("1.31")!;

    private static IReadOnlyList<SchemaViolation> Validate(string yaml)
    {
        var node = (YamlMapping)YamlReader.ReadAll(yaml, "t.yaml", new DiagnosticBag())[0];
        var schema = s_k8s.Find(node["apiVersion"]!.Str()!, node["kind"]!.Str()!)!;
        return new SchemaValidator(s_k8s).Validate(node, schema);
    }

    [Fact]
    public void Builtin_Kinds_KnowScopeAndVersions()
    {
        s_k8s.Find("apps/v1", "Deployment")!.Namespaced.ShouldBeTrue();
        s_k8s.Find("v1", "Namespace")!.Namespaced.ShouldBeFalse();
        s_k8s.Find("storage.k8s.io/v1", "StorageClass")!.Namespaced.ShouldBeFalse();
        s_k8s.Find("policy/v1beta1", "PodDisruptionBudget").ShouldBeNull();
        s_k8s.VersionsOf("policy", "PodDisruptionBudget").ShouldBe(["policy/v1"]);
    }

    [Fact]
    public void Validate_ValidObject_HasNoViolations() =>
        Validate("apiVersion: v1\nkind: Service\nmetadata:\n  name: a\n  labels: {x: y}\nspec:\n  ports:\n    - port: 80\n      targetPort: http\n").ShouldBeEmpty();

    [Fact]
    public void Validate_QuantitiesAndIntOrString_AcceptNumbersAndStrings() =>
        Validate("apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  containers:\n    - name: c\n      image: x:1\n      resources:\n        limits: {cpu: 1, memory: 1Gi}\n      livenessProbe:\n        httpGet: {port: 8080, path: /}\n").ShouldBeEmpty();

    [Fact]
    public void Validate_Mistakes_AreFoundWithTheirPaths()
    {
        var violations = Validate("apiVersion: v1\nkind: Service\nmetadata:\n  name: a\n  lables: {}\nspec:\n  ports:\n    - port: \"80\"\n    - name: x\n  type: 3\n");
        violations.Select(v => (v.Kind, string.Join('.', v.Path))).ShouldBe(
        [
            (ViolationKind.UnknownField, "metadata.lables"),
            (ViolationKind.WrongType, "spec.ports.0.port"),
            (ViolationKind.MissingRequired, "spec.ports.1"),
            (ViolationKind.WrongType, "spec.type"),
        ]);
    }
}
