using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using PixyzGen.Dsl;

namespace PixyzGen.Generator.Extract;

/// <summary>
/// Where a diagnostic goes, as values (a pipeline output holds no <see cref="Location"/>): the file, the span and its
/// line positions, turned back into a location only when reported.
/// </summary>
internal sealed record SourceSpot(string Path, int Start, int Length, int StartLine, int StartCharacter, int EndLine, int EndCharacter)
{
    public static SourceSpot? Of(Location location)
    {
        if (location.SourceTree is null) return null;
        var lines = location.GetLineSpan();
        return new SourceSpot(lines.Path, location.SourceSpan.Start, location.SourceSpan.Length,
            lines.StartLinePosition.Line, lines.StartLinePosition.Character, lines.EndLinePosition.Line, lines.EndLinePosition.Character);
    }

    public Location ToLocation() => Location.Create(Path, new TextSpan(Start, Length),
        new LinePositionSpan(new LinePosition(StartLine, StartCharacter), new LinePosition(EndLine, EndCharacter)));
}

/// <summary>
/// A diagnostic the generator reports itself: a PXY rule about a type whose members it must write for the type to
/// compile but cannot (csc stops at the missing members before any analyzer runs, so only the generator can say why).
/// </summary>
internal sealed record TargetDiagnostic(string Id, EquatableArray<string> Args, SourceSpot? Spot);
