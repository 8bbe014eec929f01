using HomeOps.Operations;
using ModelContextProtocol;

namespace HomeOps.Mcp.Tools;

/// <summary>Checks of tool arguments the input schema cannot express; a bad one is a JSON-RPC invalid-params error.</summary>
internal static class ToolInput
{
    /// <summary>
    /// A repository-relative (or absolute) path that must stay inside the repository: the tools read the
    /// repository, never the rest of the disk. Returns the path relative to the repository root.
    /// </summary>
    public static string InsideRepository(Workspace workspace, string argument, string value)
    {
        var root = Path.GetFullPath(workspace.Root);
        var full = Path.GetFullPath(value, root);
        var relative = Path.GetRelativePath(root, full);
        if (relative == ".." || relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal) || Path.IsPathRooted(relative))
        {
            throw Invalid($"Argument '{argument}' must be a path inside the repository ({root}); got '{value}'");
        }

        return relative == "." ? string.Empty : relative.Replace(Path.DirectorySeparatorChar, '/');
    }

    public static string OneOf(string argument, string value, params string[] allowed) =>
        allowed.Contains(value, StringComparer.Ordinal)
            ? value
            : throw Invalid($"Argument '{argument}' must be one of {string.Join(", ", allowed)}; got '{value}'");

    public static int Between(string argument, int value, int min, int max) =>
        value >= min && value <= max
            ? value
            : throw Invalid($"Argument '{argument}' must be between {min} and {max}; got {value}");

    public static McpProtocolException Invalid(string message) => new(message, McpErrorCode.InvalidParams);
}
