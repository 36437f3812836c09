using System;
using BenchmarkDotNet.Attributes;
using PixyzGen.Samples.Vae.Model;
using static TorchSharp.torch;

namespace PixyzGen.Benchmarks;

/// <summary>One Adam step of the VAE (784-512-512-64, batch 128): generated loss vs hand-written loss, same weights and batch.</summary>
[MemoryDiagnoser(displayGenColumns: false)]
public class TrainingStepBenchmark
{
    private VaeModel generated = null!;
    private VaeModel generatedFused = null!;
    private HandWrittenVae handWritten = null!;
    private optim.Optimizer generatedOptimizer = null!;
    private optim.Optimizer handWrittenOptimizer = null!;
    private optim.Optimizer fusedOptimizer = null!;
    private Tensor batch = null!;

    [GlobalSetup]
    public void Setup()
    {
        manual_seed(1);
        generated = new VaeModel(VaeShape.Hidden, VaeShape.Latent);
        handWritten = new HandWrittenVae(VaeShape.Hidden, VaeShape.Latent);
        handWritten.CopyWeightsFrom(generated);
        generatedFused = new VaeModel(VaeShape.Hidden, VaeShape.Latent);
        generatedFused.load_state_dict(generated.state_dict());
        fusedOptimizer = new FusedAdam(generatedFused.parameters(), 1e-3);
        generatedOptimizer = optim.Adam(generated.parameters(), 1e-3);
        handWrittenOptimizer = optim.Adam(handWritten.parameters(), 1e-3);
        batch = bernoulli(full(128, VaeShape.Pixels, 0.2));
    }

    [Benchmark(Baseline = true)]
    public float HandWrittenStep() => Step(handWrittenOptimizer, () => handWritten.Loss(batch));

    [Benchmark]
    public float GeneratedStep() => Step(generatedOptimizer, () => generated.Loss(batch));

    /// <summary>The generated loss with PixyzGen's FusedAdam (the runtime's and the sample's default optimizer).</summary>
    [Benchmark]
    public float GeneratedFusedAdamStep() => Step(fusedOptimizer, () => generatedFused.Loss(batch));

    private static float Step(optim.Optimizer optimizer, Func<Tensor> loss) => Timing.TrainStep(optimizer, loss);

    // For the step profile: the losses alone, the optimizers, and one step timed in its three parts.
    internal Tensor GeneratedLoss() => generated.Loss(batch);

    internal Tensor HandWrittenLoss() => handWritten.Loss(batch);

    internal optim.Optimizer GeneratedOptimizer => generatedOptimizer;

    internal Tensor GeneratedFusedLoss() => generatedFused.Loss(batch);

    internal optim.Optimizer FusedOptimizer => fusedOptimizer;

    internal optim.Optimizer HandWrittenOptimizer => handWrittenOptimizer;

    internal (string Part, double Ms)[] TimedStep(Func<Tensor> loss, optim.Optimizer optimizer)
    {
        using var scope = NewDisposeScope();
        optimizer.zero_grad();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var value = loss();
        value.item<float>();   // the loss is computed eagerly; reading it waits for nothing more
        var forward = watch.Elapsed.TotalMilliseconds;
        value.backward();
        var backward = watch.Elapsed.TotalMilliseconds - forward;
        optimizer.step();
        var adam = watch.Elapsed.TotalMilliseconds - forward - backward;
        return new[] { ("loss", forward), ("backward", backward), ("adam", adam) };
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        batch.Dispose();
        generated.Dispose();
        generatedFused.Dispose();
        handWritten.Dispose();
    }
}
