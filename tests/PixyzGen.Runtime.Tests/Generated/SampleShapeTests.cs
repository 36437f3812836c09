using static TorchSharp.torch;

namespace PixyzGen.Runtime.Tests.Generated;

/// <summary>Typed draws take Pixyz's sample_shape: leading dimensions before the batch, as the dynamic API draws them.</summary>
public class SampleShapeTests
{
    [Test]
    public void A_conditional_draw_puts_the_sample_shape_before_the_inputs_batch()
    {
        using var q = new CountingEncoder();
        var x = randn(5, 3);
        manual_seed(8);
        var typed = q.RSample(x, 4, 2);
        manual_seed(8);
        var dynamic = q.Sample(new Variables { ["x"] = x }, sampleShape: new long[] { 4, 2 }, reparam: true)["z"];
        Assert.That(typed.shape, Is.EqualTo(new long[] { 4, 2, 5, 2 }));
        Assert.That(typed.equal(dynamic).all().item<bool>(), Is.True, "same seed, same draw");
        Assert.That(q.Sample(x).shape, Is.EqualTo(new long[] { 5, 2 }), "no sample shape: one draw per row");
    }

    [Test]
    public void An_unconditioned_draw_puts_the_sample_shape_before_the_batch_size()
    {
        using var prior = new StandardPrior();
        manual_seed(9);
        var typed = prior.Sample(6, 3);
        manual_seed(9);
        var dynamic = prior.Sample(batchN: 6, sampleShape: new long[] { 3 })["z"];
        Assert.That(typed.shape, Is.EqualTo(new long[] { 3, 6, 2 }));
        Assert.That(typed.equal(dynamic).all().item<bool>(), Is.True, "same seed, same draw");
        Assert.That(prior.Sample().shape, Is.EqualTo(new long[] { 1, 2 }));
    }
}
