namespace HomeOps.Core.GitOps.PodSecurity;

/// <summary>The three Pod Security Standards, from the least to the most restrictive.</summary>
public enum PodSecurityLevel
{
    Privileged,
    Baseline,
    Restricted,
}
