using System;
using System.Collections.Generic;
using PixyzGen.Datasets;
using static TorchSharp.torch;

namespace PixyzGen;

/// <summary>
/// The importance-sampled estimate of log p(x) that papers report as a test log-likelihood (Burda et al., 2016):
/// log (1/k) sum_k p(x, z_k) / q(z_k|x), z_k ~ q(z|x), the IWAE_k bound. The k draws are taken in chunks and their
/// log-sum-exp combined exactly, so k = 5,000 needs the memory of one chunk.
/// </summary>
public static class MarginalLikelihood
{
    /// <summary>
    /// The estimate for each example of <paramref name="inputs"/> ([N], nats), with <paramref name="samples"/> draws of
    /// <paramref name="q"/> scored by the joint <paramref name="p"/> (<c>model.P * model.Pz</c>), <paramref name="chunk"/>
    /// draws at a time, without gradients.
    /// </summary>
    public static Tensor Estimate(Distribution p, Distribution q, Variables inputs, int samples = 5000, int chunk = 100)
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(q);
        ArgumentNullException.ThrowIfNull(inputs);
        if (samples < 1) throw new ArgumentOutOfRangeException(nameof(samples), samples, "At least one draw.");
        if (chunk < 1) throw new ArgumentOutOfRangeException(nameof(chunk), chunk, "At least one draw per chunk.");
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        // IWAE_c gives log (1/c) sum_c w; adding log c gives the chunk's log sum, and the chunks' log sums combine by logsumexp.
        var logSums = new List<Tensor>();
        for (var done = 0; done < samples; done += chunk)
        {
            var size = Math.Min(chunk, samples - done);
            using var inner = NewDisposeScope();
            var bound = new IWAE(p, q, size).Eval(inputs).to(ScalarType.Float64);
            logSums.Add(bound.add(Math.Log(size)).MoveToOuterDisposeScope());
        }
        return stack(logSums, 0).logsumexp(0).sub(Math.Log(samples)).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// The mean estimate over every row of <paramref name="data"/> (nats per example), a batch
    /// at a time; <paramref name="select"/> picks the inputs q and p need from a batch (all of it by default).
    /// </summary>
    public static double Mean(Distribution p, Distribution q, Batches data, int samples = 5000, int chunk = 100, Func<Variables, Variables>? select = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        double total = 0;
        long rows = 0;
        foreach (var batch in data)
        {
            using var scope = NewDisposeScope();
            var inputs = select is null ? batch : select(batch);
            var estimate = Estimate(p, q, inputs, samples, chunk);
            total += estimate.sum().item<double>();
            rows += estimate.shape[0];
        }
        return rows == 0 ? throw new ArgumentException("The data has no rows.", nameof(data)) : total / rows;
    }
}
