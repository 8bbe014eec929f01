using System.Text.Json;
using HomeOps.Core.Secrets;
using HomeOps.Mcp.Tools;
using HomeOps.Runtime.Processes;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace HomeOps.Mcp.Masking;

/// <summary>
/// The one filter every tools/call passes through, outermost: whatever a tool returns or throws, its text and its
/// structured content go through <see cref="SecretMasker"/> and the secrets known at start (1Password tokens from
/// the environment) before they reach the client. No tool masks on its own.
/// </summary>
internal static class ResultMasking
{
    public static McpRequestFilter<CallToolRequestParams, CallToolResult> Filter(McpContext context) => next => async (request, cancellationToken) =>
    {
        CallToolResult result;
        try
        {
            result = await next(request, cancellationToken).ConfigureAwait(false);
        }
        catch (McpProtocolException e)
        {
            throw new McpProtocolException(Mask(context, e.Message), e.ErrorCode);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            result = ToolOutput.Error($"{request.Params?.Name} failed: {e.Message}");
        }

        return Mask(context, result);
    };

    public static CallToolResult Mask(McpContext context, CallToolResult result) => new()
    {
        Content = [.. result.Content.Select(block => block is TextContentBlock text ? new TextContentBlock { Text = Mask(context, text.Text) } : block)],
        StructuredContent = result.StructuredContent is { } structured ? MaskElement(context, structured) : null,
        IsError = result.IsError,
        Meta = result.Meta,
    };

    public static string Mask(McpContext context, string text) => SecretMasker.MaskText(Redactor.Redact(text, context.KnownSecrets));

    private static JsonElement MaskElement(McpContext context, JsonElement element)
    {
        var masked = SecretMasker.MaskJson(System.Text.Json.Nodes.JsonNode.Parse(Redactor.Redact(element.GetRawText(), context.KnownSecrets)));
        return JsonSerializer.SerializeToElement(masked, McpJsonUtilities.DefaultOptions);
    }
}
