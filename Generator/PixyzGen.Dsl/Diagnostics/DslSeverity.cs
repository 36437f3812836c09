namespace PixyzGen.Dsl.Diagnostics;

/// <summary>Mirrors Roslyn's DiagnosticSeverity without depending on Roslyn.</summary>
public enum DslSeverity
{
    Info,
    Warning,
    Error,
}
