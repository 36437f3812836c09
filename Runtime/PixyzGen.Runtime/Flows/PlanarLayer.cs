using System;
using static TorchSharp.torch;

namespace PixyzGen;

/// <summary>
/// A planar flow layer (Rezende and Mohamed, 2015): f(z) = z + u' tanh(w.z + b); log |det| = log |1 + u'.w tanh'(w.z + b)|.
/// Constrained (the default), u' is u moved so that w.u' ≥ -1, which keeps f invertible; unconstrained, u' = u, as
/// Pixyz's <c>pixyz.flows.PlanarFlow(in_features, constraint_u=False)</c> (its default) computes it. No closed-form inverse.
/// </summary>
public sealed class PlanarLayer : FlowLayer
{
    private readonly TorchSharp.Modules.Parameter w;
    private readonly TorchSharp.Modules.Parameter b;
    private readonly TorchSharp.Modules.Parameter u;

    /// <summary>
    /// A planar layer f(z) = z + u tanh(w·z + b) in <paramref name="dim"/> dimensions; with <paramref name="constrainU"/>,
    /// u is constrained so that f is invertible. w, b and u start uniform in ±1/√dim, drawn in that order as Pixyz's
    /// reset_parameters draws them, so the same seed gives Pixyz's layer.
    /// </summary>
    public PlanarLayer(long dim, bool constrainU = true)
    {
        var bound = Math.Sqrt(1.0 / dim);
        w = nn.Parameter(empty(dim).uniform_(-bound, bound));
        b = nn.Parameter(empty(1).uniform_(-bound, bound));
        u = nn.Parameter(empty(dim).uniform_(-bound, bound));
        register_parameter(nameof(w), w);
        register_parameter(nameof(b), b);
        register_parameter(nameof(u), u);
        ConstrainsU = constrainU;
    }

    /// <summary>Whether u is moved to keep the layer invertible (Pixyz's constraint_u).</summary>
    public bool ConstrainsU { get; }

    /// <inheritdoc/>
    public override bool IsInvertible => false;

    /// <summary>u' = u + (softplus(w.u) - 1 - w.u) w / |w|^2 when constrained (the paper's), u itself otherwise.</summary>
    public Tensor ConstrainedU
    {
        get
        {
            if (!ConstrainsU) return u;
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
