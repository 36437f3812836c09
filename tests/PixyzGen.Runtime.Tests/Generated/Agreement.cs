using System;
using static TorchSharp.torch;

namespace PixyzGen.Runtime.Tests.Generated;

/// <summary>A generated loss and the dynamic API's equal, each computed from the same seed.</summary>
internal static class Agreement
{
    public static void OnSameSeed(Func<Tensor> generated, Func<Tensor> dynamic, long seed)
    {
        manual_seed(seed);
        var g = generated();
        manual_seed(seed);
        var d = dynamic();
        Assert.That(g.shape, Is.EqualTo(d.shape));
        Assert.That(g.allclose(d, rtol: 1e-6, atol: 1e-6), Is.True, $"generated {g.ToString(TorchSharp.TensorStringStyle.Julia)} vs dynamic {d.ToString(TorchSharp.TensorStringStyle.Julia)}");
    }
}
