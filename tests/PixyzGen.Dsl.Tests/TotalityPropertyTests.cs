using System.Linq;
using CsCheck;
using PixyzGen.Dsl.Checking;
using PixyzGen.Dsl.Parsing;

namespace PixyzGen.Dsl.Tests;

/// <summary>No input makes the parser or the checkers throw, and every error's span lies inside the string.</summary>
public class TotalityPropertyTests
{
    private const string Alphabet = "pqxyz()|,=+-*/[]_EKLHlogmeansu 0.5^e\"\\é𝔼";

    private static readonly string[] ValidStrings =
    {
        "p(x,z) = p(x|z) p(z)",
        "mean(KL(q(z|x) || p(z)) - E_q(z|x)[log p(x|z)])",
        "sum(beta * H[q(z|x)] - log p(x|z) / 2.5e-1)",
        "q(z|x,y)",
        "-mean(E_q(z|x)^5[log p(x|z)] - IWAE_3(p(x,z) || q(z|x)))",
        "-mean(E_q(z|x)[log p(x|z)]) + 10 * MMD(q(z|x) || p(z))",
        "mean(iterate(x | z = z)[KL(q(z|x) || p(z)) - E_q(z|x)[log p(x|z)]])",
        "ADV_JS[d(t|x)](p(x|z) || p(z)) + ADV_W_D[d(t|x)](p(x|z) || p(z))",
    };

    private static readonly MemberSignature[] Members =
    {
        new("Q", DslParser.ParseDistribution("q(z|x)").Value!),
        new("P", DslParser.ParseDistribution("p(x|z)").Value!),
    };

    private static readonly Gen<string> RandomText = Gen.String[Gen.Char[Alphabet], 0, 60];

    // A valid string with a character deleted, replaced or inserted: near misses are what users type.
    private static readonly Gen<string> MutatedText =
        from source in Gen.Int[0, ValidStrings.Length - 1].Select(i => ValidStrings[i])
        from position in Gen.Int[0, 60]
        from kind in Gen.Int[0, 2]
        from c in Gen.Char[Alphabet]
        select Mutate(source, position % (source.Length + 1), kind, c);

    private static string Mutate(string s, int i, int kind, char c) => kind switch
    {
        0 when i < s.Length => s.Remove(i, 1),
        1 when i < s.Length => s.Remove(i, 1).Insert(i, c.ToString()),
        _ => s.Insert(i, c.ToString()),
    };

    [Test]
    public void Random_and_mutated_strings_never_throw_and_errors_stay_inside_the_string()
    {
        Gen.OneOf(RandomText, MutatedText).Sample(text =>
        {
            var distribution = DslParser.ParseDistribution(text);
            var factorization = DslParser.ParseFactorization(text);
            var loss = DslParser.ParseLoss(text);
            var errors = distribution.Errors.Concat(factorization.Errors).Concat(loss.Errors).ToList();
            if (factorization.Value is { } f) errors.AddRange(FactorizationChecker.Check(f).Errors);
            if (loss.Value is { } l) errors.AddRange(LossChecker.Check(l, Members, new[] { "x" }, "Loss"));
            if (distribution.Value is { } d) errors.AddRange(SignatureChecker.Check(d));
            foreach (var error in errors)
            {
                if (error.Range.Start < 0 || error.Range.End > text.Length) return false;
                _ = error.Message; // formatting must not throw either
            }
            // A string that does not parse always says why.
            return (distribution.Value is not null || distribution.Errors.Count > 0)
                && (factorization.Value is not null || factorization.Errors.Count > 0)
                && (loss.Value is not null || loss.Errors.Count > 0);
        }, iter: 100_000);
    }
}
