namespace PixyzGen.Dsl.Diagnostics;

/// <summary>The fixed text of one diagnostic: the analyzers build their descriptors from these.</summary>
public sealed record DiagnosticInfo(string Id, DslSeverity Severity, string Title, string MessageFormat);
