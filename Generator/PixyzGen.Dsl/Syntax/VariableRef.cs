using PixyzGen.Dsl.Text;

namespace PixyzGen.Dsl.Syntax;

/// <summary>A random variable named in a signature, with its span.</summary>
public sealed record VariableRef(string Name, TextRange Range);
