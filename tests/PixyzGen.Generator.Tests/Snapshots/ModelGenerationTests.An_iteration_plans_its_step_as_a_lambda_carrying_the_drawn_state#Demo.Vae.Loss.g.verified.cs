/// <summary>The loss <c>mean(iterate(x | z = z_prev)[KL(q(z|x) || p(z)) - E_q(z|x)[log p(x|z)]])</c> of <c>Loss</c> in LaTeX.</summary>
public const string LossLatex = "mean \\left(\\sum_{t=1}^{T} \\left(D_{KL} \\left[q(z|x)||p(z) \\right] - \\mathbb{E}_{q(z|x)} \\left[\\log p(x|z) \\right]\\right) \\right)";

/// <summary>The loss <c>mean(iterate(x | z = z_prev)[KL(q(z|x) || p(z)) - E_q(z|x)[log p(x|z)]])</c>.</summary>
[global::System.CodeDom.Compiler.GeneratedCode("PixyzGen", "0.1.0")]
public partial global::TorchSharp.torch.Tensor Loss(global::TorchSharp.torch.Tensor x, global::TorchSharp.torch.Tensor z_prev)
{
    using global::TorchSharp.DisposeScope scope = global::TorchSharp.torch.NewDisposeScope();
    using global::System.IDisposable forwardPasses = global::PixyzGen.ForwardMemo.Begin();
    // sum over the steps of x
    global::TorchSharp.torch.Tensor steps = global::PixyzGen.Iteration.Sum(x.shape[0], new global::TorchSharp.torch.Tensor[] { z_prev }, (t, carried) =>
    {
        global::TorchSharp.torch.Tensor x_t = x[t];
        global::TorchSharp.torch.Tensor z_prev_t = carried[0];
        global::PixyzGen.NormalParams qParams = this.Q!.Params(x_t); // q(z|x): parameters
        global::PixyzGen.NormalParams pzParams = this.Pz!.Params(); // p(z): parameters
        global::TorchSharp.torch.Tensor z = this.Q!.RSampleFrom(qParams); // z ~ q(z|x)
        global::PixyzGen.BernoulliParams pParams = this.P!.Params(z); // p(x|z): parameters
        return ((global::PixyzGen.KL.NormalNormal(qParams, pzParams, this.Q!.ReducedFeatureRank) - this.P!.LogProbOf(pParams, x_t, "x")), new global::TorchSharp.torch.Tensor[] { z });
    });
    global::TorchSharp.torch.Tensor result = steps.mean();
    return result.MoveToOuterDisposeScope();
}
