using System.Collections.Generic;
using System.Linq;
using PixyzGen.Dsl;
using PixyzGen.Dsl.Checking;
using PixyzGen.Dsl.Parsing;
using PixyzGen.Generator.Extract;
using PixyzGen.Generator.Model;

namespace PixyzGen.Generator.Tests.Planning;

/// <summary>Members, signatures and loss methods built by hand, so the planner and the emitter are tested without Roslyn.</summary>
internal static class HandBuiltSpecs
{
    private const string Tensor = LossShapeRules.Tensor;

    /// <summary>A member of the given family declaring <paramref name="signature"/>, e.g. <c>("Q", "q(z|x)", "Normal")</c>.</summary>
    public static (MemberSpec Member, MemberSignature Signature) Member(string name, string signature, string family)
    {
        var parsed = DslParser.ParseDistribution(signature).Value!;
        var facts = GeneratedFamilies.Find(family)!;
        return (new MemberSpec(name, parsed.Text, parsed.Vars[0].Name, parsed.CondVarNames.ToEquatableArray(), facts), new MemberSignature(name, parsed, facts.Name));
    }

    /// <summary>The VAE's members: Q = q(z|x) Normal, P = p(x|z) Bernoulli, Pz = p(z) Normal.</summary>
    public static (List<MemberSpec> Members, List<MemberSignature> Signatures) Vae()
    {
        var all = new[] { Member("Q", "q(z|x)", "Normal"), Member("P", "p(x|z)", "Bernoulli"), Member("Pz", "p(z)", "Normal") };
        return (all.Select(m => m.Member).ToList(), all.Select(m => m.Signature).ToList());
    }

    /// <summary>A <c>[Loss]</c> method <c>Loss</c> whose parameters are <c>(name, C# type)</c> pairs, the type as Roslyn prints it.</summary>
    public static LossMethod Method(string formula, params (string Name, string Type)[] parameters)
    {
        var shapes = parameters.Select(p => new LossParameterShape(p.Name, p.Type == "Tensor" ? Tensor : p.Type)).ToEquatableArray();
        var declaration = $"public partial {Tensor} Loss({string.Join(", ", shapes.Select(p => $"{p.Type} {p.Name}"))})";
        return new LossMethod("Loss", formula, declaration, new LossMethodShape("Loss", true, false, false, Tensor, false, shapes, true));
    }
}
