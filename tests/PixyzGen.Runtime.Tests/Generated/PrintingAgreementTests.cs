using static TorchSharp.torch;

namespace PixyzGen.Runtime.Tests.Generated;

/// <summary>The LaTeX the generator writes as constants equals what the dynamic API prints for the same objects.</summary>
public class PrintingAgreementTests
{
    [Test]
    public void Distribution_LaTeX_constants_match_ToLatex()
    {
        using var q = new CountingEncoder();
        Assert.That(q.ToLatex(), Is.EqualTo(CountingEncoder.Latex));
        Assert.That(q.ToLatex(), Is.EqualTo("q(z|x)"));
    }

    [Test]
    public void Model_LaTeX_matches_the_product_of_its_members_and_the_graph_has_its_edges()
    {
        using var model = new LossKinds();
        Assert.That((model.P * model.Pz).ToLatex(), Is.EqualTo(LossKinds.Latex));
        Assert.That(LossKinds.Dot.Split('\n'), Is.EqualTo(new[] { "digraph LossKinds {", "  z -> x;", "  z;", "}" }));
    }

    [Test]
    public void Loss_LaTeX_constants_match_the_dynamic_loss_objects()
    {
        using var m = new LossKinds();
        var kl = new KullbackLeibler(m.Q, m.Pz);
        var reconstruction = new Expectation(m.Q, m.P.LogProbLoss());
        Assert.That(kl.Mean().ToLatex(), Is.EqualTo(LossKinds.ClosedFormKlLatex));
        Assert.That(new Entropy(m.Q).Sum().ToLatex(), Is.EqualTo(LossKinds.EntropySumLatex));
        var beta = (new Parameter("beta") * kl - reconstruction).Mean().ToLatex();
        Assert.That(beta, Is.EqualTo(LossKinds.BetaVaeLatex));
        Assert.That(beta, Is.EqualTo("mean \\left(\\beta D_{KL} \\left[q(z|x)||p(z) \\right] - \\mathbb{E}_{q(z|x)} \\left[\\log p(x|z) \\right] \\right)"));
        var iwae = new IWAE(m.P * m.Pz, m.Q, 5).Mean();
        Assert.That(iwae.ToLatex(), Is.EqualTo(LossKinds.ImportanceWeightedLatex));
        Assert.That(iwae.ToString(), Is.EqualTo("mean(IWAE_5(p(x,z) || q(z|x)))"));
        var everything = (kl - reconstruction + 0.1 * new Entropy(m.Q) - new ValueLoss(2) / 4).Mean();
        Assert.That(everything.ToLatex(), Is.EqualTo(LossKinds.EverythingLatex));
    }
}
