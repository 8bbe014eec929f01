using System.Text.Json.Nodes;

namespace HomeOps.Fakes.Kubernetes;

/// <summary>metav1.Status error bodies, shaped as the real API server writes them.</summary>
public static class KubeStatus
{
    public static JsonObject Failure(int code, string reason, string message, string? name = null, FakeResourceType? type = null)
    {
        var status = new JsonObject
        {
            ["kind"] = "Status",
            ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject(),
            ["status"] = "Failure",
            ["message"] = message,
            ["reason"] = reason,
            ["code"] = code,
        };
        if (name is not null && type is not null)
        {
            var details = new JsonObject { ["name"] = name, ["kind"] = type.Plural };
            if (type.Group.Length > 0)
            {
                details["group"] = type.Group;
            }

            status["details"] = details;
        }

        return status;
    }

    public static JsonObject NotFound(FakeResourceType type, string name) =>
        Failure(404, "NotFound", $"{type.QualifiedPlural} \"{name}\" not found", name, type);

    public static JsonObject AlreadyExists(FakeResourceType type, string name) =>
        Failure(409, "AlreadyExists", $"{type.QualifiedPlural} \"{name}\" already exists", name, type);

    public static JsonObject Conflict(FakeResourceType type, string name) =>
        Failure(409, "Conflict", $"Operation cannot be fulfilled on {type.QualifiedPlural} \"{name}\": the object has been modified; please apply your changes to the latest version and try again", name, type);

    public static JsonObject Success(FakeResourceType type, string name, string uid) => new()
    {
        ["kind"] = "Status",
        ["apiVersion"] = "v1",
        ["metadata"] = new JsonObject(),
        ["status"] = "Success",
        ["details"] = new JsonObject { ["name"] = name, ["group"] = type.Group, ["kind"] = type.Plural, ["uid"] = uid },
    };
}
