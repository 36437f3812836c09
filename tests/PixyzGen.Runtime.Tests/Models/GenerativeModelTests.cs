using System.Linq;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace PixyzGen.Runtime.Tests.Models;

[Distribution("q(z|x)")]
public sealed partial class SmallEncoder : Normal
{
    public readonly Module<Tensor, Tensor> Net = Linear(6, 4);

    public SmallEncoder() : base() => RegisterComponents();

    private NormalParams Forward(Tensor x)
    {
        var h = Net.call(x).chunk(2, -1);
        return new NormalParams(h[0], functional.softplus(h[1]));
    }
}

[Distribution("p(x|z)")]
public sealed partial class SmallDecoder : Bernoulli
{
    public readonly Module<Tensor, Tensor> Net = Linear(2, 6);

    public SmallDecoder() : base() => RegisterComponents();

    private BernoulliParams Forward(Tensor z) => BernoulliParams.FromLogits(Net.call(z));
}

[Distribution("p(z)")]
public sealed partial class SmallPrior() : Normal(loc: 0, scale: 1, features: [2]);

[Model("p(x,z) = p(x|z) p(z)")]
public sealed partial class SmallVae : GenerativeModel
{
    public SmallEncoder Q { get; } = new();

    public SmallDecoder P { get; } = new();

    public SmallPrior Pz { get; } = new();

    [Loss("mean(KL(q(z|x) || p(z)) - E_q(z|x)[log p(x|z)])")]
    public partial Tensor Loss(Tensor x);

    [Loss("sum(beta * KL(q(z|x) || p(z)))")]
    public partial Tensor WeightedKl(Tensor x, double beta);
}

public class GenerativeModelTests
{
    [Test]
    public void Members_are_registered_under_their_names_with_every_parameter_once()
    {
        using var model = new SmallVae();
        var names = model.named_parameters().Select(p => p.name).ToList();
        Assert.That(names, Is.EquivalentTo(new[] { "Q.Net.weight", "Q.Net.bias", "P.Net.weight", "P.Net.bias" }));
        Assert.That(model.named_buffers().Select(b => b.name), Is.EquivalentTo(new[] { "Pz.loc", "Pz.scale" }));
    }

    [Test]
    public void Ancestral_sampling_follows_the_factorization()
    {
        manual_seed(1);
        using var model = new SmallVae();
        var sample = model.Sample(5);
        Assert.That(sample.Z.shape, Is.EqualTo(new long[] { 5, 2 }));
        Assert.That(sample.X.shape, Is.EqualTo(new long[] { 5, 6 }));
        Assert.That((sample.X.eq(0) | sample.X.eq(1)).all().item<bool>(), Is.True);
    }

    [Test]
    public void Joint_log_density_is_the_sum_of_the_factors()
    {
        using var model = new SmallVae();
        var x = bernoulli(full(3, 6, 0.5));
        var z = randn(3, 2);
        var expected = model.P.LogProb(x, z) + model.Pz.LogProb(z);
        Assert.That(model.LogProb(x, z).allclose(expected), Is.True);
    }

    [Test]
    public void A_hyper_parameter_scales_the_term_it_multiplies()
    {
        using var model = new SmallVae();
        var x = bernoulli(full(4, 6, 0.5));
        var one = model.WeightedKl(x, 1.0).item<float>();
        var three = model.WeightedKl(x, 3.0).item<float>();
        Assert.That(three, Is.EqualTo(3 * one).Within(1e-4 * System.Math.Abs(one)));
    }

    [Test]
    public void The_loss_leaves_no_tensor_behind_but_its_result()
    {
        using var model = new SmallVae();
        using var x = bernoulli(full(4, 6, 0.5));
        model.Loss(x).Dispose(); // warm-up: lazily created native state
        using var scope = NewDisposeScope();
        var before = TorchSharp.DisposeScopeManager.Statistics.ThreadTotalLiveCount;
        for (var i = 0; i < 1000; i++) model.Loss(x).Dispose();
        Assert.That(TorchSharp.DisposeScopeManager.Statistics.ThreadTotalLiveCount, Is.EqualTo(before));
    }

    [Test]
    public void The_printed_model_lists_its_factorization_and_distributions()
    {
        using var model = new SmallVae();
        Assert.That(model.ToString(), Does.Contain("p(x,z) = p(x|z) p(z)").And.Contain("Q: q(z|x) (Normal)").And.Contain("P: p(x|z) (Bernoulli)"));
    }
}
