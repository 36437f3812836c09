/// <summary>The loss <c>-mean(E_q(z|x)^k[log p(x|z) + log p(z) - log q(z|x)])</c> of <c>Loss</c> in LaTeX.</summary>
public const string LossLatex = "- mean \\left(\\mathbb{E}_{q(z|x)} \\left[\\log p(x|z) + \\log p(z) - \\log q(z|x) \\right] \\right)";

/// <summary>The loss <c>-mean(E_q(z|x)^k[log p(x|z) + log p(z) - log q(z|x)])</c>.</summary>
[global::System.CodeDom.Compiler.GeneratedCode("PixyzGen", "0.1.0")]
public partial global::TorchSharp.torch.Tensor Loss(global::TorchSharp.torch.Tensor x, int k)
{
    using var scope = global::TorchSharp.torch.NewDisposeScope();
    using var forwardPasses = global::PixyzGen.ForwardMemo.Begin();
    var qParams = this.Q.Params(x); // q(z|x): parameters
    var z = this.Q.RSampleFrom(qParams, k); // k draws of z ~ q(z|x)
    var pParams = this.P.Params(z); // p(x|z): parameters
    var pzParams = this.Pz.Params(); // p(z): parameters
    var result = -(this.P.LogProbOf(pParams, x, "x") + this.Pz.LogProbOf(pzParams, z, "z") - this.Q.LogProbOf(qParams, z, "z")).mean(new long[] { 0 }).mean();
    return result.MoveToOuterDisposeScope();
}
