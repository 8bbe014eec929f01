using System.Text.RegularExpressions;

namespace HomeOps.Core.Monitoring.PromQl;

/// <summary>One matcher of a selector: label, operator (=, !=, =~, !~) and value.</summary>
public sealed record LabelMatcher(string Label, string Operator, string Value)
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(1);

    public bool IsRegex => Operator is "=~" or "!~";

    /// <summary>Whether the empty string satisfies the matcher (a selector needs at least one that it does not).</summary>
    public bool MatchesEmpty => Operator switch
    {
        "=" => Value.Length == 0,
        "!=" => Value.Length != 0,
        "=~" => Anchored().IsMatch(string.Empty),
        _ => !Anchored().IsMatch(string.Empty),
    };

    /// <summary>Prometheus anchors label regexes at both ends; RE2 and .NET agree on the syntax Prometheus users write.</summary>
    internal Regex Anchored() => new($"^(?:{Value})$", RegexOptions.CultureInvariant, s_timeout);
}
