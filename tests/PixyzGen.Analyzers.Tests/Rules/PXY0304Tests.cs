using System.Threading.Tasks;
using PixyzGen.Analyzers.Tests.Infrastructure;

namespace PixyzGen.Analyzers.Tests.Rules;

/// <summary>PXY0304: A <c>[Loss]</c> member that is not partial Tensor M(Tensor ...).</summary>
public class PXY0304Tests
{
    [Test]
    public Task At_a_method_with_a_body() => Verify.Analyzer(Sources.Vae(body: "    [Loss(\"mean(KL(q(z|x) || p(z)))\")] public Tensor {|PXY0304:WithBody|}(Tensor x) => x;"));

    [Test]
    public Task At_a_kernel_width_that_names_a_tensor() => Verify.Analyzer(Sources.Vae(body: "    [Loss(\"MMD(q(z|x) || p(z), sigma2 = {|PXY0304:x|})\")] public partial Tensor Wide(Tensor x);"));

    [Test]
    public Task At_a_draw_count_that_is_not_a_whole_number() => Verify.Analyzer(Sources.Vae(body: "    [Loss(\"mean(E_q(z|x)^{|PXY0304:k|}[log p(x|z)])\")] public partial Tensor Counted(Tensor x, double k);"));

    [Test]
    public Task A_partial_Tensor_method_has_none() => Verify.Analyzer(Sources.Vae());
}
