namespace HomeOps.Core.GitOps.PodSecurity;

/// <summary>
/// One control a pod fails. <see cref="Path"/> starts at the pod (<c>spec</c> or <c>metadata</c> first), so a rule can
/// prefix the path of a workload's pod template; <see cref="Container"/> is null for a pod-level field.
/// </summary>
/// <param name="Check">The pod-security-admission check id (policy/check_*.go), e.g. <c>hostNamespaces</c>.</param>
/// <param name="Level">The level whose control this is.</param>
/// <param name="Field">The field as the standard names it, e.g. <c>securityContext.privileged</c>.</param>
/// <param name="Problem">What is wrong, in the words of the admission message, e.g. <c>must not set securityContext.privileged=true</c>.</param>
public sealed record PodSecurityViolation(string Check, PodSecurityLevel Level, string? Container, IReadOnlyList<object> Path, string Field, string Problem);
