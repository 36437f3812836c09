/// <summary>The loss <c>-mean(E_q(z|x)[log p(x|z)]) + 10 * MMD(q(z|x) || p(z))</c> of <c>Loss</c> in LaTeX.</summary>
public const string LossLatex = "- mean \\left(\\mathbb{E}_{q(z|x)} \\left[\\log p(x|z) \\right] \\right) + 10 D_{MMD^2} \\left[q(z|x)||p(z) \\right]";

/// <summary>The loss <c>-mean(E_q(z|x)[log p(x|z)]) + 10 * MMD(q(z|x) || p(z))</c>.</summary>
[global::System.CodeDom.Compiler.GeneratedCode("PixyzGen", "0.1.0")]
public partial global::TorchSharp.torch.Tensor Loss(global::TorchSharp.torch.Tensor x)
{
    using global::TorchSharp.DisposeScope scope = global::TorchSharp.torch.NewDisposeScope();
    using global::System.IDisposable forwardPasses = global::PixyzGen.ForwardMemo.Begin();
    global::PixyzGen.NormalParams qParams = this.Q!.Params(x); // q(z|x): parameters
    global::TorchSharp.torch.Tensor z = this.Q!.RSampleFrom(qParams); // z ~ q(z|x)
    global::PixyzGen.BernoulliParams pParams = this.P!.Params(z); // p(x|z): parameters
    global::PixyzGen.NormalParams pzParams = this.Pz!.Params(); // p(z): parameters
    global::TorchSharp.torch.Tensor zPrior = this.Pz!.RSampleFrom(pzParams, z.shape[0]); // z ~ p(z), as many as z
    global::TorchSharp.torch.Tensor result = (-this.P!.LogProbOf(pParams, x, "x").mean() + (10d * global::PixyzGen.MMD.Squared(z, zPrior)));
    return result.MoveToOuterDisposeScope();
}
