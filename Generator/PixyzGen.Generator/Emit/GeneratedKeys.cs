using System.Collections.Generic;
using System.Linq;
using PixyzGen.Generator.Extract;
using PixyzGen.Generator.Model;

namespace PixyzGen.Generator.Emit;

/// <summary>
/// The keys (<see cref="MemberKeys"/>) of the members the emitters write for a spec, overrides aside. A type deriving
/// from a generated type in the same compilation cannot see those members (generated code is not in the generator's
/// input), so the extractor adds these keys to what the derived type inherits, and its own members are declared
/// <c>new</c> exactly where they hide one. A test compares them with the members the emitters really write.
/// </summary>
internal static class GeneratedKeys
{
    private const string Tensor = RuntimeNames.Tensor;

    public static IEnumerable<string> Of(DistributionSpec spec)
    {
        var existing = spec.Members;
        var n = spec.CondVars.Count;
        var tensors = Enumerable.Repeat(Tensor, n).ToArray();
        var withValue = new[] { Tensor }.Concat(tensors).ToArray();
        var sampleTypes = DrawParameters.Types(n);
        var family = spec.Family;
        var methods = new List<(string Name, string[] Types)>();
        if (family.IsCustomDensity)
            methods.AddRange(new[] { ("Params", tensors), ("LogProb", withValue) });
        else if (family.IsComposite)
        {
            methods.AddRange(new[] { ("Params", tensors), ("Sample", sampleTypes) });
            if (family.HasReparam) methods.Add(("RSample", sampleTypes));
            methods.Add(("LogProb", withValue));
            if (family.IsMixture) methods.Add(("Responsibilities", withValue));
        }
        else if (spec.IsProductOfExperts)
            methods.AddRange(new[] { ("Params", tensors), ("Sample", tensors), ("RSample", tensors), ("LogProb", withValue), ("Mean", tensors), ("Entropy", tensors) });
        else if (family.IsDeterministic)
            methods.AddRange(new[] { ("Params", tensors), ("Sample", tensors), ("RSample", tensors), ("Mean", tensors) });
        else
        {
            methods.Add(("Params", tensors));
            methods.Add(("Sample", sampleTypes));
            if (family.HasReparam) methods.Add(("RSample", sampleTypes));
            methods.Add(("LogProb", withValue));
            methods.Add(("Mean", tensors));
            if (family.HasEntropy) methods.Add(("Entropy", tensors));
        }
        foreach (var name in new[] { "Signature", "Latex" })
            if (existing.ForOther(name) is not null) yield return name;
        foreach (var (name, types) in methods)
            if (existing.ForMethod(name, types) is not null) yield return MemberKeys.Method(name, types);
    }

    public static IEnumerable<string> Of(ModelSpec spec)
    {
        var existing = spec.Existing;
        if (spec.IsModel)
        {
            var constants = new List<string> { "Factorization" };
            if (spec.LatexText is not null) constants.Add("Latex");
            if (spec.DotText is not null) constants.Add("Dot");
            foreach (var name in constants.Where(c => existing.ForOther(c) is not null)) yield return name;
            if (spec.Sampling is { } sampling)
            {
                if (sampling.CanDraw && SampleSignature.For(spec, new SampleShape(sampling.Inputs, sampling.Outputs), existing) is { } signature)
                {
                    yield return MemberKeys.Method("Sample", signature.ParameterTypes);
                    if (signature.RecordModifier is not null) yield return signature.RecordName;
                }
                var variables = sampling.Outputs.Concat(sampling.Inputs).Select(_ => Tensor).ToArray();
                if (!sampling.Marginalizes && sampling.HasDensity && existing.ForMethod("LogProb", variables) is not null)
                    yield return MemberKeys.Method("LogProb", variables);
            }
            else if (spec.SamplingError is not null && SampleSignature.For(spec, spec.FailedSampleShape ?? ModelEmitter.SingleTensor, existing) is { } failed)
            {
                yield return MemberKeys.Method("Sample", failed.ParameterTypes);
                if (failed.RecordModifier is not null) yield return failed.RecordName;
            }
        }
        foreach (var loss in spec.Losses)
            if (loss.LatexText is not null && existing.ForOther(loss.Method.Shape.Name + "Latex") is not null)
                yield return loss.Method.Shape.Name + "Latex";
    }
}
