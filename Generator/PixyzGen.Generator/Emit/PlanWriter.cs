using System.Collections.Generic;
using PixyzGen.Generator.Model;

namespace PixyzGen.Generator.Emit;

/// <summary>
/// Writes a resolved <see cref="TypePlan"/> as its file: the scaffold (<see cref="TypeScaffold"/>) around the members,
/// one blank line apart, each as planned (documentation, <c>[GeneratedCode]</c>, modifiers with <c>new</c> where it
/// hides an inherited member, declaration, body).
/// </summary>
internal static class PlanWriter
{
    public static string Write(TypePlan plan, LanguageFacts language) =>
        TypeScaffold.Write(plan.Type, language, plan.AcceptedDiagnostics, w => Members(w, plan.Members));

    public static void Members(SourceWriter w, IEnumerable<PlannedMember> members)
    {
        var first = true;
        foreach (var member in members)
        {
            if (!first) w.Line();
            first = false;
            foreach (var line in member.Documentation) w.Line("/// " + line);
            if (member.MarkedGenerated) w.Line(TypeScaffold.GeneratedCodeAttribute);
            w.Line(member.Kind == MemberKind.Implementation ? member.Declaration : $"{member.Modifiers} {(member.Hides ? "new " : "")}{member.Declaration}");
            foreach (var line in member.Body) w.Line(line);
        }
    }
}
