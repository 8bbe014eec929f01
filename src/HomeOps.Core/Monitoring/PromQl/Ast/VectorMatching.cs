namespace HomeOps.Core.Monitoring.PromQl;

/// <summary>
/// How the two sides of a binary operation between vectors are matched: on(labels) or ignoring(labels), and
/// group_left/group_right(labels) for many-to-one matches.
/// </summary>
public sealed record VectorMatching(bool On, IReadOnlyList<string> Labels, string? Group, IReadOnlyList<string> Include);
