using System;
using BenchmarkDotNet.Attributes;
using static TorchSharp.torch;

namespace PixyzGen.Benchmarks;

/// <summary>q(z|m,s) = N(m, s) over 2 dimensions, parameters given as inputs so no network hides the per-call cost.</summary>
[Distribution("q(z|m,s)")]
public sealed partial class TwoDimensionalNormal : Normal
{
    private NormalParams Forward(Tensor m, Tensor s) => new(m, s);
}

/// <summary>
/// One reparameterized draw and its log-density through the generated typed API, against the same arithmetic in raw
/// TorchSharp operations: the overhead PixyzGen adds per call (parameter records, shape checks, feature sums).
/// </summary>
[MemoryDiagnoser(displayGenColumns: false)]
public class PerCallBenchmark
{
    private static readonly double HalfLogTwoPi = 0.5 * Math.Log(2 * Math.PI);
    private static readonly long[] LastDimension = { -1 };
    private TwoDimensionalNormal q = null!;
    private Tensor m = null!;
    private Tensor s = null!;

    [Params(1, 128)]
    public int Batch { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        manual_seed(1);
        q = new TwoDimensionalNormal();
        m = randn(Batch, 2);
        s = rand(Batch, 2) + 0.5;
    }

    [Benchmark(Baseline = true)]
    public float Raw()
    {
        using var scope = NewDisposeScope();
        var z = m + s * randn_like(m);
        var logProb = ((z - m) / s).square().mul(-0.5).sub(s.log()).sub(HalfLogTwoPi).sum(LastDimension);
        return logProb[0].item<float>();
    }

    [Benchmark]
    public float Generated()
    {
        using var scope = NewDisposeScope();
        var z = q.RSample(m, s);
        return q.LogProb(z, m, s)[0].item<float>();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        q.Dispose();
        m.Dispose();
        s.Dispose();
    }
}
