/// <summary>The loss <c>-mean(E_q(z|x)^4[log p(x|z) + log p(z) - log q(z|x)] - KL(q(z|x) || p(z)))</c> of <c>Loss</c> in LaTeX.</summary>
public const string LossLatex = "- mean \\left(\\mathbb{E}_{q(z|x)} \\left[\\log p(x|z) + \\log p(z) - \\log q(z|x) \\right] - D_{KL} \\left[q(z|x)||p(z) \\right] \\right)";

/// <summary>The loss <c>-mean(E_q(z|x)^4[log p(x|z) + log p(z) - log q(z|x)] - KL(q(z|x) || p(z)))</c>.</summary>
[global::System.CodeDom.Compiler.GeneratedCode("PixyzGen", "0.1.0")]
public partial global::TorchSharp.torch.Tensor Loss(global::TorchSharp.torch.Tensor x)
{
    using global::TorchSharp.DisposeScope scope = global::TorchSharp.torch.NewDisposeScope();
    using global::System.IDisposable forwardPasses = global::PixyzGen.ForwardMemo.Begin();
    global::PixyzGen.NormalParams qParams = this.Q!.Params(x); // q(z|x): parameters
    global::TorchSharp.torch.Tensor z = this.Q!.RSampleFrom(qParams, 4); // 4 draws of z ~ q(z|x)
    global::PixyzGen.BernoulliParams pParams = this.P!.Params(z); // p(x|z): parameters
    global::PixyzGen.NormalParams pzParams = this.Pz!.Params(); // p(z): parameters
    global::TorchSharp.torch.Tensor result = -((this.P!.LogProbOf(pParams, x, "x") + this.Pz!.LogProbOf(pzParams, z, "z") - this.Q!.LogProbOf(qParams, z, "z")).mean(new long[] { 0 }) - global::PixyzGen.KL.NormalNormal(qParams, pzParams, this.Q!.ReducedFeatureRank)).mean();
    return result.MoveToOuterDisposeScope();
}
