using System.Collections.Generic;
using System.Linq;
using PixyzGen.Generator.Model;

namespace PixyzGen.Generator.Emit;

/// <summary>
/// The record of a model's joint draw (<c>VaeSample(X, Z)</c>): a <c>readonly record struct</c> from C# 10 on; in C# 9 a
/// <c>readonly struct</c> with the same constructor, properties and deconstruction.
/// </summary>
internal static class JointDrawRecord
{
    private const string Tensor = RuntimeNames.Tensor;

    public static void Write(SourceWriter w, string modifier, string name, IReadOnlyList<string> properties, LanguageFacts language)
    {
        if (language.HasRecordStructs)
        {
            w.Line($"public {modifier}readonly record struct {name}({string.Join(", ", properties.Select(p => $"{Tensor} {p}"))});");
            return;
        }
        w.Open($"public {modifier}readonly struct {name}");
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
    }
}
