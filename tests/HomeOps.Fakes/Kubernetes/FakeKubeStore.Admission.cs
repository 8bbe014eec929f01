using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace HomeOps.Fakes.Kubernetes;

/// <summary>
/// What the real API server does to a body before it stores it: the type in the body must be the one of the URL,
/// a Secret's stringData becomes base64 data, a CustomResourceDefinition must be well formed, and a custom resource
/// must fit its CRD's openAPIV3Schema (unknown fields are pruned, wrong types and missing required fields refused).
/// </summary>
public sealed partial class FakeKubeStore
{
    /// <summary>
    /// Refuses a body whose apiVersion or kind is not the URL's. Built-in kinds: 400 as the create and update handlers
    /// answer (apiserver pkg/endpoints/handlers/create.go:144, rest.go transformDecodeError); custom resources: 422 as
    /// customResourceValidator.ValidateTypeMeta (apiextensions-apiserver pkg/registry/customresource/validator.go:111-122).
    /// </summary>
    private static void CheckTypeMeta(FakeResourceType type, JsonObject body, string name)
    {
        var apiVersion = body["apiVersion"]?.GetValue<string>();
        var kind = body["kind"]?.GetValue<string>();
        if (type.IsCustom && type.Kind != "CustomResourceDefinition")
        {
            var errors = new List<FieldError>();
            if (kind is not null && kind != type.Kind)
            {
                errors.Add(FieldError.Invalid("kind", kind, $"must be {type.Kind}"));
            }

            if (apiVersion is not null && apiVersion != type.ApiVersion)
            {
                errors.Add(FieldError.Invalid("apiVersion", apiVersion, $"must be {type.ApiVersion}"));
            }

            if (errors.Count > 0)
            {
                throw FieldError.Invalid(type, name, errors);
            }

            return;
        }

        if (apiVersion is not null && apiVersion != type.ApiVersion)
        {
            throw new FakeKubeException(KubeStatus.Failure(400, "BadRequest", $"the API version in the data ({apiVersion}) does not match the expected API version ({type.ApiVersion})"));
        }

        if (kind is not null && kind != type.Kind)
        {
            // The decoder reads the body as its own kind and cannot convert it to the URL's (the conversion text is inferred).
            var version = type.Version;
            throw new FakeKubeException(KubeStatus.Failure(400, "BadRequest",
                $"{kind} in version \"{version}\" cannot be handled as a {type.Kind}: converting ({version}.{kind}) to ({(type.Group.Length == 0 ? "core" : type.Group)}.{type.Kind}): unknown conversion"));
        }
    }

    /// <summary>The object as the server stores it: today, a Secret's stringData merged into data (base64) and dropped.</summary>
    private static void Normalize(FakeResourceType type, JsonObject obj, string name)
    {
        if (type.Group.Length != 0 || type.Kind != "Secret")
        {
            return;
        }

        // k8s pkg/apis/core/v1/conversion.go Convert_v1_Secret_To_core_Secret: stringData wins over data, is never stored.
        var data = obj["data"] as JsonObject ?? [];
        if (obj["stringData"] is JsonObject stringData)
        {
            foreach (var (key, value) in stringData)
            {
                data[key] = Convert.ToBase64String(Encoding.UTF8.GetBytes(value?.GetValue<string>() ?? string.Empty));
            }

            obj.Remove("stringData");
        }

        var errors = new List<FieldError>();
        foreach (var (key, value) in data)
        {
            if (value is not null && !IsBase64(value.GetValue<string>()))
            {
                throw new FakeKubeException(KubeStatus.Failure(400, "BadRequest", $"Secret in version \"v1\" cannot be handled as a Secret: illegal base64 data at input byte 0 (data[{key}])"));
            }

            if (!SecretKeyRegex().IsMatch(key))
            {
                errors.Add(FieldError.Invalid($"data[{key}]", key,
                    "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')"));
            }
        }

        if (errors.Count > 0)
        {
            throw FieldError.Invalid(type, name, errors);
        }

        if (data.Count > 0)
        {
            obj["data"] = data;
        }
    }

    private static bool IsBase64(string text)
    {
        var buffer = new byte[text.Length];
        return Convert.TryFromBase64String(text, buffer, out _);
    }

    [GeneratedRegex("^[-._a-zA-Z0-9]+$")]
    private static partial Regex SecretKeyRegex();
}
