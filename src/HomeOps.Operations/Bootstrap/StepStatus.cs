namespace HomeOps.Operations.Bootstrap;

public enum StepStatus
{
    Pending,
    Running,
    Done,
    Failed,
}
