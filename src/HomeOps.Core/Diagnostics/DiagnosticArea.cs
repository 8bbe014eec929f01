namespace HomeOps.Core.Diagnostics;

/// <summary>The first digit of a code: HO0xxx input, HO1xxx cluster config, HO2xxx Talos, ...</summary>
public enum DiagnosticArea
{
    Input = 0,
    ClusterConfig = 1,
    Talos = 2,
    GitOps = 3,
    Graph = 4,
    Bootstrap = 5,
    LiveCluster = 6,
    Recovery = 7,
    Assistant = 8,
    Upgrade = 9,
}
