/// <summary>The loss <c>-mean(E_q(z|x)^k[log p(x|z) + log p(z) - log q(z|x)])</c> of <c>Loss</c> in LaTeX.</summary>
public const string LossLatex = "- mean \\left(\\mathbb{E}_{q(z|x)} \\left[\\log p(x|z) + \\log p(z) - \\log q(z|x) \\right] \\right)";

/// <summary>The loss <c>-mean(E_q(z|x)^k[log p(x|z) + log p(z) - log q(z|x)])</c>.</summary>
[global::System.CodeDom.Compiler.GeneratedCode("PixyzGen", "0.1.0")]
public partial global::TorchSharp.torch.Tensor Loss(global::TorchSharp.torch.Tensor x, int k)
{
    using global::TorchSharp.DisposeScope scope = global::TorchSharp.torch.NewDisposeScope();
    using global::System.IDisposable forwardPasses = global::PixyzGen.ForwardMemo.Begin();
    global::PixyzGen.NormalParams qParams = this.Q!.Params(x); // q(z|x): parameters
    global::TorchSharp.torch.Tensor z = this.Q!.RSampleFrom(qParams, k); // k draws of z ~ q(z|x)
    global::PixyzGen.BernoulliParams pParams = this.P!.Params(z); // p(x|z): parameters
    global::PixyzGen.NormalParams pzParams = this.Pz!.Params(); // p(z): parameters
    global::TorchSharp.torch.Tensor result = -(this.P!.LogProbOf(pParams, x, "x") + this.Pz!.LogProbOf(pzParams, z, "z") - this.Q!.LogProbOf(qParams, z, "z")).mean(new long[] { 0 }).mean();
    return result.MoveToOuterDisposeScope();
}
