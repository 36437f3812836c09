using System.Linq;
using Microsoft.CodeAnalysis;
using PixyzGen.Dsl.Diagnostics;
using PixyzGen.Generator.Extract;
using PixyzGen.Generator.Model;

namespace PixyzGen.Generator.Emit;

/// <summary>
/// The few PXY rules the generator reports itself (what the analyzers cannot, because the build stops before them):
/// descriptors from the Dsl's catalog, so titles, messages and help links are the analyzers' own.
/// </summary>
internal static class GeneratorDiagnostics
{
    private static DiagnosticDescriptor Descriptor(string id)
    {
        var info = DiagnosticCatalog.Get(id);
        return new DiagnosticDescriptor(info.Id, info.Title, info.MessageFormat, "PixyzGen", DiagnosticSeverity.Error, isEnabledByDefault: true,
            helpLinkUri: HelpLinks.For(info.Id));
    }

    public static Diagnostic Create(TargetDiagnostic target) =>
        Diagnostic.Create(Descriptor(target.Id), target.Spot?.ToLocation() ?? Location.None, target.Args.Cast<object>().ToArray());

    /// <summary>PXY0309, once per project: its C# is older than the generated code needs, so nothing is generated.</summary>
    public static Diagnostic LanguageVersionTooOld(int version) =>
        Diagnostic.Create(Descriptor(DiagnosticIds.LanguageVersionTooOld), Location.None, VersionText(version), LanguageFacts.OldestSupportedText);

    private static string VersionText(int version) => $"{version / 100}.{version % 100}";
}
