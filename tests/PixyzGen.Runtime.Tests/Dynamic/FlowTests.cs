using System;
using System.Linq;
using TorchSharp;
using static TorchSharp.torch;

namespace PixyzGen.Runtime.Tests.Dynamic;

/// <summary>Normalizing flows: densities integrate to one on grids, inverses invert, and the Jacobian terms are exact.</summary>
public class FlowTests
{
    private static Normal StandardNormal(long dim) => new(0.0, 1.0, var: new[] { "z" }, features: new[] { dim });

    [Test]
    public void A_planar_flow_density_integrates_to_one_in_one_dimension()
    {
        manual_seed(21);
        using var flow = new PlanarFlow(StandardNormal(1), dim: 1, numLayers: 3, var: new[] { "x" });
        using (no_grad())
        {
            foreach (var (_, parameter) in flow.named_parameters()) parameter.mul_(3);   // a visibly non-Gaussian warp
            var z = linspace(-9, 9, 40_001, dtype: ScalarType.Float64).unsqueeze(-1);
            flow.to(ScalarType.Float64);
            var (x, _) = flow.Transform(z);
            var density = flow.Prob(new Variables { ["x"] = x, ["z"] = z });
            var xs = x.squeeze(-1);
            Assert.That(xs[1..].gt(xs[..^1]).all().item<bool>(), Is.True, "the constrained planar map is monotone");
            var widths = xs[1..] - xs[..^1];
            var mass = ((density[1..] + density[..^1]) * widths).sum().item<double>() / 2;
            Assert.That(mass, Is.EqualTo(1).Within(1e-3));
        }
    }

    [Test]
    public void A_planar_layer_starts_as_Pixyz_s_from_the_same_seed_and_leaves_u_alone_unconstrained()
    {
        // pixyz.flows.PlanarFlow(2) after torch.manual_seed(1) on PyTorch 1.13: w, b, u drawn in that order.
        manual_seed(1);
        using var layer = new PlanarLayer(2, constrainU: false);
        var parameters = layer.named_parameters().ToDictionary(p => p.name, p => p.parameter.data<float>().ToArray());
        Assert.That(parameters["w"], Is.EqualTo(new[] { 0.3643f, -0.3121f }).Within(1e-4));
        Assert.That(parameters["b"], Is.EqualTo(new[] { -0.1371f }).Within(1e-4));
        Assert.That(parameters["u"], Is.EqualTo(new[] { 0.3319f, -0.6657f }).Within(1e-4));
        Assert.That(layer.ConstrainedU.data<float>().ToArray(), Is.EqualTo(parameters["u"]), "unconstrained, u is used as it is");

        // Constrained, u moves so that w.u' >= -1 (here w.u = 0.33 already; push it below -1 first).
        using var constrained = new PlanarLayer(2);
        using (no_grad()) foreach (var (name, parameter) in constrained.named_parameters()) parameter.copy_(name == "u" ? tensor(new[] { -4f, 4f }) : name == "w" ? tensor(new[] { 1f, -1f }) : tensor(new[] { 0f }));
        Assert.That(constrained.ConstrainedU.dot(tensor(new[] { 1f, -1f })).item<float>(), Is.GreaterThanOrEqualTo(-1f));
    }

    [Test]
    public void A_planar_flow_needs_the_latent_for_its_density()
    {
        using var flow = new PlanarFlow(StandardNormal(2), dim: 2, var: new[] { "x" });
        var sample = flow.Sample(batchN: 3);
        Assert.That(sample.Keys, Is.EquivalentTo(new[] { "x", "z" }));
        Assert.That(flow.LogProb(sample).shape, Is.EqualTo(new long[] { 3 }));
        var error = Assert.Throws<NotSupportedException>(() => flow.LogProb(new Variables { ["x"] = sample["x"] }));
        Assert.That(error!.Message, Does.Contain("latent 'z'"));
    }

    [TestCase(false)]
    [TestCase(true)]
    public void A_RealNVP_density_integrates_to_one_in_two_dimensions(bool batchNorm)
    {
        manual_seed(22);
        using var flow = new RealNVP(StandardNormal(2), dim: 2, numMultiscaleLayers: 2, hidden: 16, batchNorm: batchNorm, var: new[] { "x" });
        flow.to(ScalarType.Float64);
        if (batchNorm)
        {
            flow.train();
            using (no_grad()) for (var i = 0; i < 50; i++) flow.Transform(randn(256, 2, dtype: ScalarType.Float64) * 2 + 1);
        }
        flow.eval();
        using (no_grad())
        {
            const int n = 601;
            const double half = 12;
            var axis = linspace(-half, half, n, dtype: ScalarType.Float64);
            var grid = stack(meshgrid(new[] { axis, axis }, indexing: "ij"), -1).reshape(-1, 2);
            var density = flow.Prob(new Variables { ["x"] = grid }).reshape(n, n);
            var h = 2 * half / (n - 1);
            var weights = ones(n, dtype: ScalarType.Float64);
            weights[0] = 0.5; weights[-1] = 0.5;
            var mass = (density * weights.unsqueeze(0) * weights.unsqueeze(1)).sum().item<double>() * h * h;
            Assert.That(mass, Is.EqualTo(1).Within(0.01));
        }
    }

    [Test]
    public void RealNVP_inverts_exactly_and_its_log_determinants_cancel()
    {
        manual_seed(23);
        using var flow = new RealNVP(StandardNormal(4), dim: 4, var: new[] { "x" });
        flow.eval();
        using var z = randn(8, 4);
        var (x, forward) = flow.Transform(z);
        var (back, inverse) = flow.InverseTransform(x);
        Assert.That((back - z).abs().max().item<float>(), Is.LessThan(1e-5f));
        Assert.That((forward + inverse).abs().max().item<float>(), Is.LessThan(1e-5f));
        var fromInverse = flow.SampleInverse(new Variables { ["x"] = x });
        Assert.That(fromInverse["z"].allclose(back), Is.True);
    }

    [Test]
    public void RealNVP_log_density_trains_its_couplings()
    {
        manual_seed(24);
        using var flow = new RealNVP(StandardNormal(2), dim: 2, hidden: 16, var: new[] { "x" });
        var optimizer = optim.Adam(flow.parameters(), 1e-2);
        // Data from a shifted, squashed Gaussian: maximum likelihood must move the flow towards it.
        Func<Tensor> data = () => randn(256, 2) * tensor(new[] { 2f, 0.3f }) + tensor(new[] { 1f, -1f });
        double Nll() { using (no_grad()) return -flow.LogProb(new Variables { ["x"] = data() }).mean().item<float>(); }
        var before = Nll();
        for (var step = 0; step < 200; step++)
        {
            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            var loss = -flow.LogProb(new Variables { ["x"] = data() }).mean();
            loss.backward();
            optimizer.step();
        }
        Assert.That(Nll(), Is.LessThan(before - 0.5));
    }

    [Test]
    public void Permutations_are_volume_preserving_and_invertible()
    {
        var layer = PermutationLayer.Shuffle(5, new Random(3));
        using var x = arange(10, dtype: ScalarType.Float32).reshape(2, 5);
        var (y, logDet) = layer.Forward(x);
        Assert.That(y.sort(-1).Values.allclose(x), Is.True);
        Assert.That(logDet.abs().sum().item<float>(), Is.EqualTo(0));
        Assert.That(layer.Inverse(y).Output.allclose(x), Is.True);
        Assert.Throws<ArgumentException>(() => new PermutationLayer(new long[] { 0, 0 }));
    }
}
