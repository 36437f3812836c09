using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using PixyzGen.Generator.Model;

namespace PixyzGen.Generator.Extract;

/// <summary>The project's C# version and the extern aliases of its Runtime and TorchSharp references, as values.</summary>
internal static class LanguageFactsReader
{
    public static int Version(ParseOptions options) => options is CSharpParseOptions csharp ? (int)csharp.LanguageVersion : int.MaxValue;

    /// <summary>The aliases of the references that hold the Runtime and TorchSharp (null in the global alias).</summary>
    public static (string? Runtime, string? TorchSharp) Aliases(Compilation compilation)
    {
        string? runtime = null, torchSharp = null;
        foreach (var reference in compilation.References)
        {
            var aliases = reference.Properties.Aliases;
            if (aliases.IsEmpty || aliases.Contains("global")) continue;
            switch ((compilation.GetAssemblyOrModuleSymbol(reference) as IAssemblySymbol)?.Name)
            {
                case SymbolFacts.RuntimeAssembly: runtime ??= aliases[0]; break;
                case "TorchSharp": torchSharp ??= aliases[0]; break;
            }
        }
        return (runtime, torchSharp);
    }
}
