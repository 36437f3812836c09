using System;
using System.Collections.Generic;
using static TorchSharp.torch;

namespace PixyzGen.Runtime.Tests.Generated;

/// <summary>For every family, generated typed members and the dynamic API give the same draws and numbers on the same seed.</summary>
public class FamilyAgreementTests
{
    public static IEnumerable<TestCaseData> Families()
    {
        yield return Case(new GNormal(), hasEntropy: true, hasMean: true);
        yield return Case(new GBernoulli(), hasEntropy: true, hasMean: true);
        yield return Case(new GLaplace(), hasEntropy: true, hasMean: true);
        yield return Case(new GGamma(), hasEntropy: true, hasMean: true);
        yield return Case(new GBeta(), hasEntropy: true, hasMean: true);
        yield return Case(new GDirichlet(), hasEntropy: true, hasMean: true);
        yield return Case(new GCategorical(), hasEntropy: true, hasMean: true);
        yield return Case(new GMultinomial(), hasEntropy: false, hasMean: true);
        yield return Case(new GRelaxedBernoulli(), hasEntropy: false, hasMean: true);
        yield return Case(new GRelaxedCategorical(), hasEntropy: false, hasMean: true);
        yield return Case(new GFactorizedBernoulli(), hasEntropy: true, hasMean: true);
    }

    private static TestCaseData Case(Distribution d, bool hasEntropy, bool hasMean) => new TestCaseData(d, hasEntropy, hasMean).SetName(d.GetType().Name);

    // Typed members are found by name: each generated class has its own parameter types, so no interface fits them all.
    private static Tensor Call(Distribution d, string member, params object[] arguments) =>
        (Tensor)d.GetType().GetMethod(member, Array.ConvertAll(arguments, a => a.GetType()))!.Invoke(d, arguments)!;

    [TestCaseSource(nameof(Families))]
    public void Typed_and_dynamic_members_agree(Distribution d, bool hasEntropy, bool hasMean)
    {
        using var c = tensor(new[] { 0.3f, -0.8f, 1.1f, 0.2f, -0.4f, 0.9f }).reshape(2, 3);
        var inputs = new Variables { ["c"] = c };
        Assert.That(d.ProbText, Is.EqualTo("p(v|c)"));

        manual_seed(17);
        var typedDraw = Call(d, "Sample", c, Array.Empty<long>());
        manual_seed(17);
        var dynamicDraw = d.Sample(inputs)["v"];
        Assert.That(typedDraw.equal(dynamicDraw).all().item<bool>(), Is.True, "same seed, same draw");

        var typedLogProb = Call(d, "LogProb", typedDraw, c);
        var dynamicLogProb = d.LogProb(inputs.With("v", typedDraw));
        Assert.That(typedLogProb.shape, Is.EqualTo(new long[] { 2 }));
        Assert.That(typedLogProb.equal(dynamicLogProb).all().item<bool>(), Is.True, "same log-density");

        if (hasMean) Assert.That(Call(d, "Mean", c).equal(d.SampleMean(inputs)).all().item<bool>(), Is.True);
        if (hasEntropy) Assert.That(Call(d, "Entropy", c).equal(d.Entropy(inputs)).all().item<bool>(), Is.True);
        Assert.That(d.GetType().GetMethod("Entropy", new[] { typeof(Tensor) }) is not null, Is.EqualTo(hasEntropy), "Entropy is generated exactly where the family has a closed form");
        Assert.That(d.GetType().GetMethod("RSample", new[] { typeof(Tensor), typeof(long[]) }) is not null, Is.EqualTo(d.HasReparam));
    }
}

/// <summary>Generated distributions are Distributions: code written against the dynamic API takes them unchanged.</summary>
public class BridgeTests
{
    private static Tensor LogDensityOfADraw(Distribution d, Variables inputs) => d.LogProb(d.Sample(inputs));

    [Test]
    public void A_generated_distribution_works_through_the_dynamic_API()
    {
        manual_seed(30);
        using var q = new GNormal();
        using var c = randn(4, 3);
        Distribution bridge = q;
        Assert.That((bridge.ProbText, bridge.InputVar), Is.EqualTo(("p(v|c)", new[] { "c" })));
        var logProb = LogDensityOfADraw(bridge, new Variables { ["c"] = c });
        Assert.That(logProb.shape, Is.EqualTo(new long[] { 4 }));
        manual_seed(31);
        var draw = q.Sample(new Variables { ["c"] = c })["v"];
        Assert.That(q.LogProb(draw, c).equal(bridge.LogProb(new Variables { ["c"] = c, ["v"] = draw })).all().item<bool>(), Is.True);
    }
}
