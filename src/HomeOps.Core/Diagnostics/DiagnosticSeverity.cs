namespace HomeOps.Core.Diagnostics;

/// <summary>How serious a diagnostic is. <see cref="Off"/> lets configuration silence a rule.</summary>
public enum DiagnosticSeverity
{
    Off = 0,
    Info = 1,
    Warning = 2,
    Error = 3,
}
