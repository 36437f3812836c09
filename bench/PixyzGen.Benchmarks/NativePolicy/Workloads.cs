using System;
using System.Collections.Generic;
using PixyzGen.Samples.Gallery.Examples.ImageFlows;
using PixyzGen.Samples.Vae.Model;
using static TorchSharp.torch;

namespace PixyzGen.Benchmarks.NativePolicy;

/// <summary>
/// The training steps the native policy is judged on: the sample's VAE (784-512-512-64, batch 128), a
/// conditional RealNVP over 64-dimensional vectors (4 couplings, 256 hidden units, batch 128), and a small
/// maximum-likelihood classifier (784-256-10, batch 128); and, for the oneDNN cap, the only one with convolutions,
/// the gallery's Glow over 1 x 28 x 28 images (batch 32). Each returns one step of FusedAdam (the runtime's default).
/// </summary>
public static class Workloads
{
    public static IReadOnlyList<string> Names { get; } = new[] { "vae", "flow", "classifier", "glow" };

    public static Func<float> Create(string name) => name switch
    {
        "vae" => Vae(),
        "flow" => Flow(),
        "classifier" => Classifier(),
        "glow" => Glow(),
        _ => throw new ArgumentException($"unknown workload '{name}' (vae, flow, classifier or glow)"),
    };

    private static Func<float> Vae()
    {
        manual_seed(1);
        var model = new VaeModel(VaeShape.Hidden, VaeShape.Latent);
        var optimizer = new FusedAdam(model.parameters(), 1e-3);
        var batch = bernoulli(full(128, VaeShape.Pixels, 0.2));
        return () => Step(optimizer, () => model.Loss(batch));
    }

    private static Func<float> Flow()
    {
        manual_seed(2);
        const long dim = 64, condition = 10;
        var layers = new List<FlowLayer>();
        for (var i = 0; i < 4; i++)
        {
            var mask = (arange(dim) % 2).eq(i % 2).to(ScalarType.Float32);
            layers.Add(AffineCouplingLayer.ForVectors(mask, dim, 256, condition));
        }
        var flow = new InverseTransformedDistribution(new Normal(0.0, 1.0, var: new[] { "z" }, features: new[] { dim }), layers, var: new[] { "x" }, condVar: new[] { "y" });
        var optimizer = new FusedAdam(flow.parameters(), 1e-3);
        var inputs = new Variables { ["x"] = randn(128, dim), ["y"] = eye(condition)[randint(0, condition, 128)] };
        var loss = (-flow.LogProbLoss()).Mean();
        return () => Step(optimizer, () => loss.Eval(inputs));
    }

    private static Func<float> Classifier()
    {
        manual_seed(3);
        var model = new ClassifierModel();
        var optimizer = new FusedAdam(model.parameters(), 1e-3);
        var x = rand(128, 784);
        var y = eye(10)[randint(0, 10, 128)];
        return () => Step(optimizer, () => model.NegativeLogLikelihood(x, y));
    }

    private static Func<float> Glow()
    {
        manual_seed(4);
        var model = new ImageGlowModel();
        var optimizer = new FusedAdam(model.parameters(), 1e-3);
        var images = rand(32, 1, 28, 28);
        return () => Step(optimizer, () => model.Nll(images));
    }

    private static float Step(optim.Optimizer optimizer, Func<Tensor> loss) => Timing.TrainStep(optimizer, loss);
}
