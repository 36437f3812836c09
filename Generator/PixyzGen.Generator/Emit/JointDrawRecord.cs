using System.Collections.Generic;
using System.Linq;
using PixyzGen.Dsl;
using PixyzGen.Generator.Model;

namespace PixyzGen.Generator.Emit;

/// <summary>
/// The record of a model's joint draw (<c>VaeSample(X, Z)</c>): a <c>readonly record struct</c> from C# 10 on; in C# 9 a
/// <c>readonly struct</c> with the same constructor, properties and deconstruction.
/// </summary>
internal static class JointDrawRecord
{
    private const string Tensor = RuntimeNames.Tensor;

    public static PlannedMember Plan(string name, IReadOnlyList<string> properties, string summary, LanguageFacts language)
    {
        if (language.HasRecordStructs)
            return Record(name, summary, $"readonly record struct {name}({string.Join(", ", properties.Select(p => $"{Tensor} {p}"))});", EquatableArray<string>.Empty);
        var w = new SourceWriter();
        w.Line("{");
        w.Indent();
        w.Line("/// <summary>A joint draw of these values.</summary>");
        w.Open($"public {name}({string.Join(", ", properties.Select(p => $"{Tensor} {p}"))})");
        foreach (var p in properties) w.Line($"this.{p} = {p};");
        w.Close();
        foreach (var p in properties)
        {
            w.Line();
            w.Line($"/// <summary>The drawn {CSharpText.Xml(p.TrimStart('@'))}.</summary>");
            w.Line($"public {Tensor} {p} {{ get; }}");
        }
        w.Line();
        w.Line("/// <summary>The drawn values, in the order of the constructor.</summary>");
        w.Open($"public void Deconstruct({string.Join(", ", properties.Select(p => $"out {Tensor} {p}"))})");
        foreach (var p in properties) w.Line($"{p} = this.{p};");
        w.Close();
        w.Close();
        return Record(name, summary, $"readonly struct {name}", w.Lines());
    }

    private static PlannedMember Record(string name, string summary, string declaration, EquatableArray<string> body) =>
        new(MemberKind.NestedType, name, EquatableArray<string>.Empty, PlannedMember.Summary(summary), false, "public", declaration, body);
}
