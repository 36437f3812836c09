/// <summary>The loss <c>sum(beta * KL(q(z|x) || p(z)) - E_q(z|x)[log p(x|z)] + E_q(z|x)[log p(z) - log q(z|x)] - H[q(z|x)] / 2)</c> of <c>Loss</c> in LaTeX.</summary>
public const string LossLatex = "sum \\left(\\beta D_{KL} \\left[q(z|x)||p(z) \\right] - \\mathbb{E}_{q(z|x)} \\left[\\log p(x|z) \\right] + \\mathbb{E}_{q(z|x)} \\left[\\log p(z) - \\log q(z|x) \\right] - \\frac{H \\left[ q(z|x) \\right]}{2} \\right)";

/// <summary>The loss <c>sum(beta * KL(q(z|x) || p(z)) - E_q(z|x)[log p(x|z)] + E_q(z|x)[log p(z) - log q(z|x)] - H[q(z|x)] / 2)</c>.</summary>
[global::System.CodeDom.Compiler.GeneratedCode("PixyzGen", "0.1.0")]
public partial global::TorchSharp.torch.Tensor Loss(global::TorchSharp.torch.Tensor x, double beta)
{
    using global::TorchSharp.DisposeScope scope = global::TorchSharp.torch.NewDisposeScope();
    using global::System.IDisposable forwardPasses = global::PixyzGen.ForwardMemo.Begin();
    global::PixyzGen.NormalParams qParams = this.Q!.Params(x); // q(z|x): parameters
    global::PixyzGen.NormalParams pzParams = this.Pz!.Params(); // p(z): parameters
    global::TorchSharp.torch.Tensor z = this.Q!.RSampleFrom(qParams); // z ~ q(z|x)
    global::PixyzGen.BernoulliParams pParams = this.P!.Params(z); // p(x|z): parameters
    global::TorchSharp.torch.Tensor result = ((beta * global::PixyzGen.KL.NormalNormal(qParams, pzParams, this.Q!.ReducedFeatureRank)) - this.P!.LogProbOf(pParams, x, "x") + (this.Pz!.LogProbOf(pzParams, z, "z") - this.Q!.LogProbOf(qParams, z, "z")) - (this.Q!.EntropyOf(qParams) / 2d)).sum();
    return result.MoveToOuterDisposeScope();
}
