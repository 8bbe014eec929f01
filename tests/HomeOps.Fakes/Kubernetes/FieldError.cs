using System.Text.Json.Nodes;

namespace HomeOps.Fakes.Kubernetes;

/// <summary>
/// One validation error as apimachinery's field.Error prints it ("spec.group: Required value",
/// "metadata.name: Invalid value: \"x\": must be ..."), and the 422 Invalid Status that carries a list of them
/// (k8s.io/apimachinery pkg/util/validation/field/errors.go, pkg/api/errors NewInvalid).
/// </summary>
public sealed record FieldError(string Path, string Type, string? Value, string Detail)
{
    public static FieldError Required(string path, string detail = "") => new(path, "FieldValueRequired", null, detail);

    public static FieldError Invalid(string path, string value, string detail) => new(path, "FieldValueInvalid", Quote(value), detail);

    public static FieldError InvalidObject(string path, JsonNode? value, string detail) => new(path, "FieldValueInvalid", value?.ToJsonString() ?? "null", detail);

    public static FieldError NotSupported(string path, string value, IEnumerable<string> supported) =>
        new(path, "FieldValueNotSupported", Quote(value), "supported values: " + string.Join(", ", supported.Select(Quote)));

    public static FieldError Forbidden(string path, string detail) => new(path, "FieldValueForbidden", null, detail);

    private string Words => Type switch
    {
        "FieldValueRequired" => "Required value",
        "FieldValueInvalid" => "Invalid value",
        "FieldValueNotSupported" => "Unsupported value",
        _ => "Forbidden",
    };

    public override string ToString()
    {
        var text = $"{Path}: {Words}";
        if (Value is not null)
        {
            text += ": " + Value;
        }

        return Detail.Length > 0 ? text + ": " + Detail : text;
    }

    /// <summary>422 Invalid: "Kind.group \"name\" is invalid: e1" for one error, "[e1, e2]" for several.</summary>
    public static FakeKubeException Invalid(FakeResourceType type, string name, IReadOnlyList<FieldError> errors)
    {
        var qualifiedKind = type.Group.Length > 0 ? $"{type.Kind}.{type.Group}" : type.Kind;
        var list = errors.Count == 1 ? errors[0].ToString() : "[" + string.Join(", ", errors) + "]";
        var status = KubeStatus.Failure(422, "Invalid", $"{qualifiedKind} \"{name}\" is invalid: {list}", name, type);
        status["details"]!["kind"] = type.Kind;
        status["details"]!["causes"] = new JsonArray([.. errors.Select(e => (JsonNode)new JsonObject
        {
            ["reason"] = e.Type,
            ["message"] = e.ToString()[(e.Path.Length + 2)..],
            ["field"] = e.Path,
        })]);
        return new FakeKubeException(status);
    }

    private static string Quote(string value) => "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
