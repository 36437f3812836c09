using System;
using System.Linq;
using PixyzGen.Datasets;
using PixyzGen.Samples.Vae.Data;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;
using Sequential = TorchSharp.Modules.Sequential;

namespace PixyzGen.IntegrationTests;

/// <summary>q(y|x): Pixyz's M2 classifier, a relaxed categorical over the 10 digits.</summary>
[Distribution("q(y|x)")]
public sealed partial class M2Classifier : RelaxedCategorical
{
    private readonly Sequential net = Sequential(Linear(784, 256), ReLU(), Linear(256, 10));

    public M2Classifier() : base(temperature: 0.5) => RegisterComponents();

    private CategoricalParams Forward(Tensor x) => CategoricalParams.FromLogits(net.forward(x));
}

/// <summary>q(z|x,y).</summary>
[Distribution("q(z|x,y)")]
public sealed partial class M2Encoder : Normal
{
    private readonly Sequential net = Sequential(Linear(794, 256), ReLU(), Linear(256, 32));

    public M2Encoder() => RegisterComponents();

    private NormalParams Forward(Tensor x, Tensor y)
    {
        var h = net.forward(cat(new[] { x, y }, -1)).chunk(2, -1);
        return new(h[0], functional.softplus(h[1]) + 1e-4);
    }
}

/// <summary>p(x|z,y).</summary>
[Distribution("p(x|z,y)")]
public sealed partial class M2Decoder : Bernoulli
{
    private readonly Sequential net = Sequential(Linear(26, 256), ReLU(), Linear(256, 784));

    public M2Decoder() => RegisterComponents();

    private BernoulliParams Forward(Tensor z, Tensor y) => BernoulliParams.FromLogits(net.forward(cat(new[] { z, y }, -1)));
}

[Distribution("p(z)")]
public sealed partial class M2Prior() : Normal(0.0, 1.0, features: [16]);

[Distribution("p(y)")]
public sealed partial class M2LabelPrior() : Categorical(probs: full(10, 0.1f), features: [10]);

/// <summary>Kingma et al.'s M2, as Pixyz's m2 notebook writes it: labelled and unlabelled bounds and the classifier's loss.</summary>
[Model("p(x,z|y) = p(x|z,y) p(z)")]
public sealed partial class M2 : GenerativeModel
{
    public M2Classifier Qy { get; } = new();
    public M2Encoder Qz { get; } = new();
    public M2Decoder P { get; } = new();
    public M2Prior Pz { get; } = new();
    public M2LabelPrior Py { get; } = new();

    [Loss("mean(KL(q(z|x,y) || p(z)) - E_q(z|x,y)[log p(x|z,y)])")]
    public partial Tensor Labelled(Tensor x, Tensor y);

    [Loss("mean(E_q(y|x)[KL(q(z|x,y) || p(z)) - E_q(z|x,y)[log p(x|z,y)] + log q(y|x) - log p(y)])")]
    public partial Tensor Unlabelled(Tensor x);

    [Loss("-mean(log q(y|x))")]
    public partial Tensor Classifier(Tensor x, Tensor y);
}

/// <summary>
/// M2 with 100 labels on the embedded digits: Pixyz scores the relaxed classifier at the labels with the categorical
/// log-probability, so the classifier's loss keeps teaching it; with the Concrete density (degenerate at one-hot
/// labels) accuracy used to fall from 72% at step 50 to 43% by step 300. It must not lose accuracy as training goes on.
/// </summary>
public class SemiSupervisedM2Tests
{
    [Test]
    public void M2_with_100_labels_keeps_its_accuracy_as_training_goes_on()
    {
        manual_seed(3);
        var (train, test) = MnistData.Load(EmbeddedData.Folder, 28);
        using (train)
        using (test)
        {
            using var model = new M2();
            var labelledIndex = Enumerable.Range(0, 10).SelectMany(digit => Enumerable.Range(0, train.Labels.Length).Where(i => train.Labels[i] == digit).Take(10)).ToArray();
            using var labelledX = train.Images.index_select(0, tensor(labelledIndex.Select(i => (long)i).ToArray()));
            using var labelledY = functional.one_hot(tensor(labelledIndex.Select(i => (long)train.Labels[i]).ToArray()), 10).to(ScalarType.Float32);
            var optimizer = optim.Adam(model.parameters(), 1e-3);
            // Pixyz's m2 notebook weighs the classifier's loss by 0.1 times the unlabelled-to-labelled ratio.
            var alpha = 0.1 * train.Count / labelledIndex.Length;

            double Accuracy()
            {
                using var scope = NewDisposeScope();
                using var noGrad = no_grad();
                model.eval();
                var predicted = model.Qy.Params(test.Images).Logits.argmax(-1);
                var truth = tensor(test.Labels.Select(l => (long)l).ToArray());
                model.train();
                return predicted.eq(truth).to(ScalarType.Float32).mean().item<float>();
            }

            double early = 0;
            for (var step = 1; step <= 300; step++)
            {
                using var scope = NewDisposeScope();
                var batch = train.Images.index_select(0, randint(train.Count, new long[] { 128 }));
                optimizer.zero_grad();
                var loss = model.Labelled(labelledX, labelledY) + model.Unlabelled(batch) + alpha * model.Classifier(labelledX, labelledY);
                loss.backward();
                optimizer.step();
                if (step == 50) early = Accuracy();
            }
            var late = Accuracy();
            TestContext.Out.WriteLine($"accuracy at step 50: {early:P1}, at step 300: {late:P1}");
            Assert.That(late, Is.GreaterThanOrEqualTo(early - 0.02), "training must not make the classifier forget its labels");
            Assert.That(late, Is.GreaterThan(0.6));
        }
    }
}
