namespace HomeOps.Runtime.OnePassword;

/// <summary>One field of an item. <see cref="Value"/> is a secret when <see cref="Type"/> is CONCEALED.</summary>
public sealed record OnePasswordField(string Id, string Label, string Type, string? Value, string? Purpose = null);
