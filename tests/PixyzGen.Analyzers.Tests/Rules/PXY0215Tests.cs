using System.Threading.Tasks;
using PixyzGen.Analyzers.Tests.Infrastructure;

namespace PixyzGen.Analyzers.Tests.Rules;

/// <summary>PXY0215: a term's setting named by a parameter of a type it cannot take, at the name in the formula.</summary>
public class PXY0215Tests
{
    [Test]
    public Task At_a_kernel_width_that_names_a_tensor() => Verify.Analyzer(Sources.Vae(body: "    [Loss(\"MMD(q(z|x) || p(z), sigma2 = {|PXY0215:x|})\")] public partial Tensor Wide(Tensor x);"));

    [Test]
    public Task At_a_draw_count_that_is_not_a_whole_number() => Verify.Analyzer(Sources.Vae(body: "    [Loss(\"mean(E_q(z|x)^{|PXY0215:k|}[log p(x|z)])\")] public partial Tensor Counted(Tensor x, double k);"));

    [Test]
    public Task At_an_importance_count_that_is_not_a_whole_number() => Verify.Analyzer(Sources.Vae(body: "    [Loss(\"mean(IWAE_{|PXY0215:k|}(p(x,z) || q(z|x)))\")] public partial Tensor Bound(Tensor x, float k);"));

    [Test]
    public Task Whole_and_real_numbers_where_they_fit_have_none() => Verify.Analyzer(Sources.Vae(body: "    [Loss(\"mean(E_q(z|x)^k[log p(x|z)]) + MMD(q(z|x) || p(z), sigma2 = s)\")] public partial Tensor Both(Tensor x, long k, double s);"));
}
