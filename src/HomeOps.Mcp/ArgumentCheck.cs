using System.Text.Json;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace HomeOps.Mcp;

/// <summary>
/// Refuses a tools/call whose arguments the tool's input schema does not name, or that lacks a required one, with a
/// JSON-RPC invalid-params error naming the argument (the SDK would ignore an unknown argument, so a misspelt
/// "offlne: true" would silently do the online thing).
/// </summary>
internal static class ArgumentCheck
{
    public static McpRequestFilter<CallToolRequestParams, CallToolResult> Filter() => next => (request, cancellationToken) =>
    {
        var name = request.Params?.Name ?? string.Empty;
        var tool = request.MatchedPrimitive as McpServerTool;
        if (tool is null && request.Server.ServerOptions.ToolCollection is { } tools && tools.TryGetPrimitive(name, out var found))
        {
            tool = found;
        }

        if (tool is not null)
        {
            Check(name, tool.ProtocolTool.InputSchema, request.Params?.Arguments?.Keys.ToList() ?? []);
        }

        return next(request, cancellationToken);
    };

    private static void Check(string tool, JsonElement schema, IReadOnlyList<string> given)
    {
        var known = schema.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object
            ? properties.EnumerateObject().Select(p => p.Name).ToList()
            : [];
        foreach (var argument in given)
        {
            if (!known.Contains(argument, StringComparer.Ordinal))
            {
                var suggestion = Core.Text.Suggestions.Closest(argument, known) is { } s ? $" Did you mean '{s}'?" : string.Empty;
                var takes = known.Count == 0 ? "takes no arguments" : $"takes {string.Join(", ", known)}";
                throw new McpProtocolException($"Unknown argument '{argument}' for tool '{tool}' (it {takes}).{suggestion}", McpErrorCode.InvalidParams);
            }
        }

        if (schema.TryGetProperty("required", out var required) && required.ValueKind == JsonValueKind.Array)
        {
            foreach (var argument in required.EnumerateArray().Select(r => r.GetString()!))
            {
                if (!given.Contains(argument, StringComparer.Ordinal))
                {
                    throw new McpProtocolException($"Missing required argument '{argument}' for tool '{tool}'", McpErrorCode.InvalidParams);
                }
            }
        }
    }
}
