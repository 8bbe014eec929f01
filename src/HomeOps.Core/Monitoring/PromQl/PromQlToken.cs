namespace HomeOps.Core.Monitoring.PromQl;

/// <summary>One token: its kind, its text (a string literal's text is already unescaped) and its offset.</summary>
public readonly record struct PromQlToken(PromQlTokenKind Kind, string Text, int Offset);
