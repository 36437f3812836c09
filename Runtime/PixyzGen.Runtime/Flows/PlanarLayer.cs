using System;
using static TorchSharp.torch;

namespace PixyzGen;

/// <summary>
/// A planar flow layer (Rezende and Mohamed, 2015): f(z) = z + u' tanh(w.z + b), with u' constrained so that
/// w.u' ≥ -1, which keeps f invertible; log |det| = log |1 + u'.w tanh'(w.z + b)|. No closed-form inverse.
/// </summary>
public sealed class PlanarLayer : FlowLayer
{
    private readonly TorchSharp.Modules.Parameter u;
    private readonly TorchSharp.Modules.Parameter w;
    private readonly TorchSharp.Modules.Parameter b;

    /// <summary>A planar layer f(z) = z + u tanh(w·z + b) in <paramref name="dim"/> dimensions, with u constrained so that f is invertible.</summary>
    public PlanarLayer(long dim)
    {
        var bound = Math.Sqrt(1.0 / dim);
        u = nn.Parameter(empty(dim).uniform_(-bound, bound));
        w = nn.Parameter(empty(dim).uniform_(-bound, bound));
        b = nn.Parameter(zeros(1));
        register_parameter(nameof(u), u);
        register_parameter(nameof(w), w);
        register_parameter(nameof(b), b);
    }

    /// <inheritdoc/>
    public override bool IsInvertible => false;

    /// <summary>u' = u + (softplus(w.u) - 1 - w.u) w / |w|^2.</summary>
    public Tensor ConstrainedU
    {
        get
        {
            var wu = w.dot(u);
            return u + (nn.functional.softplus(wu) - 1 - wu) * w / w.square().sum();
        }
    }

    /// <inheritdoc/>
    public override (Tensor Output, Tensor LogDet) Forward(Tensor x)
    {
        var uHat = ConstrainedU;
        var activation = (x.matmul(w) + b).tanh();                       // [batch]
        var output = x + activation.unsqueeze(-1) * uHat;
        var derivative = 1 - activation.square();
        var logDet = (1 + derivative * uHat.dot(w)).abs().add(1e-12).log();
        return (output, logDet);
    }
}
