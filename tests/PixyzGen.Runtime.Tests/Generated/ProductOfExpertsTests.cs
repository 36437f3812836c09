using static TorchSharp.torch;

namespace PixyzGen.Runtime.Tests.Generated;

/// <summary>q(z|x,y) ∝ p(z) q(z|x) q(z|y): a generated product of experts whose inputs are optional.</summary>
[Distribution("q(z|x,y)")]
public sealed partial class ImageLabelExperts(CountingEncoder image, LabelEncoder label, StandardPrior prior)
    : NormalPoE(prior, new Normal[] { image, label }, name: "q");

/// <summary>A multimodal VAE (MVAE) that encodes with the product of experts.</summary>
[Model("p(x,y,z) = p(x|z) p(y|z) p(z)")]
public sealed partial class SmallMvae : GenerativeModel
{
    public SmallMvae()
    {
        Q = new ImageLabelExperts(new CountingEncoder(), new LabelEncoder(), new StandardPrior());
        RegisterComponents();
    }

    public ImageLabelExperts Q { get; }

    public CountingDecoder Px { get; } = new();

    public LabelDecoder Py { get; } = new();

    public StandardPrior Pz { get; } = new();

    [Loss("mean(KL(q(z|x,y) || p(z)) - E_q(z|x,y)[log p(x|z) + log p(y|z)])")]
    public partial Tensor Loss(Tensor x, Tensor y);
}

public class ProductOfExpertsTests
{
    private static (ImageLabelExperts Poe, Tensor X, Tensor Y) Setup()
    {
        manual_seed(12);
        var poe = new ImageLabelExperts(new CountingEncoder(), new LabelEncoder(), new StandardPrior());
        return (poe, randn(4, 3), nn.functional.one_hot(tensor(new long[] { 0, 2, 1, 1 }), 3).to(ScalarType.Float32));
    }

    [Test]
    public void Typed_parameters_combine_the_given_experts_like_the_dynamic_product()
    {
        var (poe, x, y) = Setup();
        Assert.That(ImageLabelExperts.Signature, Is.EqualTo("q(z|x,y)"));
        var both = poe.Params(x, y);
        var dynamic = poe.GetParams(new Variables { ["x"] = x, ["y"] = y });
        Assert.That(both.Loc.equal(dynamic["loc"]).all().item<bool>() && both.Scale.equal(dynamic["scale"]).all().item<bool>(), Is.True);

        var imageOnly = poe.Params(x: x);
        var dynamicImageOnly = poe.GetParams(new Variables { ["x"] = x });
        Assert.That(imageOnly.Loc.equal(dynamicImageOnly["loc"]).all().item<bool>(), Is.True, "a null modality leaves its expert out");
        Assert.That(imageOnly.Loc.equal(both.Loc).all().item<bool>(), Is.False);
    }

    [Test]
    public void Typed_draws_and_densities_equal_the_dynamic_ones()
    {
        var (poe, x, y) = Setup();
        manual_seed(3);
        var typed = poe.Sample(x, y);
        manual_seed(3);
        var dynamic = poe.Sample(new Variables { ["x"] = x, ["y"] = y })["z"];
        Assert.That(typed.equal(dynamic).all().item<bool>(), Is.True);
        Assert.That(poe.LogProb(typed, x, y).equal(poe.LogProb(new Variables { ["x"] = x, ["y"] = y, ["z"] = typed })).all().item<bool>(), Is.True);
    }

    [Test]
    public void A_multimodal_VAE_trains_through_the_product()
    {
        manual_seed(13);
        using var model = new SmallMvae();
        var optimizer = optim.Adam(model.parameters(), 1e-2);
        var x = bernoulli(full(64, 3, 0.3f));
        var y = nn.functional.one_hot(randint(0, 3, new long[] { 64 }), 3).to(ScalarType.Float32);
        var first = model.Loss(x, y).item<float>();
        for (var step = 0; step < 100; step++)
        {
            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            model.Loss(x, y).backward();
            optimizer.step();
        }
        Assert.That(model.Loss(x, y).item<float>(), Is.LessThan(first));
    }
}
