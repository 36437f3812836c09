using System;
using System.Collections.Generic;
using System.Linq;
using static TorchSharp.torch;

namespace PixyzGen.Runtime.Tests.Generated;

/// <summary>Pixyz's gmm notebook's p(x): Normal components under a categorical prior over z.</summary>
[Distribution("p(x)")]
public sealed partial class Gmm(IReadOnlyList<Distribution> components, Categorical prior) : MixtureModel(components, prior);

/// <summary>The notebook's p.posterior(): the component given x.</summary>
[Distribution("p(z|x)")]
public sealed partial class GmmAssignment(Gmm mixture) : MixturePosterior(mixture);

[Model("p(x) = p(x)")]
public sealed partial class GmmModel(Gmm mixture) : GenerativeModel
{
    public Gmm P { get; } = mixture;
    public GmmAssignment Post { get; } = new(mixture);

    [Loss("mean(log p(x))")]
    public partial Tensor LogLikelihood(Tensor x);

    [Loss("mean(log p(z|x))")]
    public partial Tensor LogAssignment(Tensor x, Tensor z);

    [Loss("mean(E_p(z|x)[-log p(z|x)])")]
    public partial Tensor AssignmentEntropy(Tensor x);
}

/// <summary>A mixture density network: components p(y|x) with networks, under a constant prior over the component c.</summary>
[Distribution("p(y|x)")]
public sealed partial class MdnComponent : Normal
{
    private readonly TorchSharp.Modules.Linear net = nn.Linear(1, 2);

    public MdnComponent() => RegisterComponents();

    private NormalParams Forward(Tensor x)
    {
        var h = net.call(x).chunk(2, -1);
        return new NormalParams(h[0], nn.functional.softplus(h[1]) + 1e-3);
    }
}

[Distribution("p(y|x)")]
public sealed partial class Mdn() : MixtureModel(new Distribution[] { new MdnComponent(), new MdnComponent() }, new Categorical(full(2, 0.5), var: new[] { "c" }));

[Model("p(y|x) = p(y|x)")]
public sealed partial class MdnModel : GenerativeModel
{
    public Mdn P { get; } = new();

    [Loss("-mean(log p(y|x))")]
    public partial Tensor Nll(Tensor x, Tensor y);
}

public class MixtureTests
{
    private static double NormalLogPdf(double x, double loc, double scale) =>
        -0.5 * Math.Pow((x - loc) / scale, 2) - Math.Log(scale) - 0.5 * Math.Log(2 * Math.PI);

    /// <summary>The notebook's data: three clusters, standardized.</summary>
    private static Tensor Clusters()
    {
        manual_seed(0);
        var c1 = normal(tensor(new[] { 1.5, 2.5 }).expand(150, 2), tensor(new[] { 1.2, 0.8 }).sqrt().expand(150, 2));
        var c2 = normal(tensor(new[] { 7.5, 7.5 }).expand(50, 2), tensor(new[] { 0.75, 0.5 }).sqrt().expand(50, 2));
        var c3 = normal(tensor(new[] { 8.0, 1.5 }).expand(100, 2), tensor(new[] { 0.6, 0.8 }).sqrt().expand(100, 2));
        var samples = cat(new[] { c1, c2, c3 });
        return ((samples - samples.mean(new long[] { 0 })) / samples.std(0)).to(ScalarType.Float64);
    }

    private static (Gmm Mixture, Normal[] Components, Categorical Prior) NotebookMixture(Tensor locs)
    {
        var components = Enumerable.Range(0, 3).Select(i => new Normal(locs[i].clone(), full(2, 0.6, dtype: ScalarType.Float64), var: new[] { "x" }, name: $"p_{i}")).ToArray();
        var prior = new Categorical(full(3, 1.0 / 3, dtype: ScalarType.Float64), var: new[] { "z" }, name: "p_prior");
        return (new Gmm(components, prior), components, prior);
    }

    [Test]
    public void The_typed_log_density_is_the_log_sum_exp_over_components_and_the_loss_its_mean()
    {
        var locs = tensor(new[,] { { -1.0, 0.0 }, { 1.0, 1.0 }, { 0.5, -1.5 } }, dtype: ScalarType.Float64);
        var (gmm, _, _) = NotebookMixture(locs);
        using var model = new GmmModel(gmm);
        var points = new[,] { { 0.0, 0.0 }, { 1.2, 0.9 }, { -2.0, 3.0 } };
        var x = tensor(points, dtype: ScalarType.Float64);
        var typed = gmm.LogProb(x);
        for (var n = 0; n < 3; n++)
        {
            var expected = Math.Log(Enumerable.Range(0, 3).Sum(k =>
                Math.Exp(Math.Log(1.0 / 3) + NormalLogPdf(points[n, 0], locs[k, 0].item<double>(), 0.6) + NormalLogPdf(points[n, 1], locs[k, 1].item<double>(), 0.6))));
            Assert.That(typed[n].item<double>(), Is.EqualTo(expected).Within(1e-12));
        }
        Assert.That(model.LogLikelihood(x).item<double>(), Is.EqualTo(typed.mean().item<double>()).Within(1e-12));
        Assert.That(model.LogLikelihood(x).item<double>(), Is.EqualTo(gmm.LogProbLoss().Mean().Eval(new Variables { ["x"] = x }).item<double>()).Within(1e-12),
            "generated == dynamic");
        Assert.That(model.LogProb(x).data<double>().ToArray(), Is.EqualTo(typed.data<double>().ToArray()), "the model's joint is the mixture");
        Assert.That(gmm.ProbFactorizedText, Is.EqualTo("p_0(x|z=0)p_prior(z=0) + p_1(x|z=1)p_prior(z=1) + p_2(x|z=2)p_prior(z=2)"));
    }

    [Test]
    public void The_posterior_member_scores_the_component_by_its_responsibility()
    {
        var locs = tensor(new[,] { { -1.0, 0.0 }, { 1.0, 1.0 }, { 0.5, -1.5 } }, dtype: ScalarType.Float64);
        var (gmm, _, _) = NotebookMixture(locs);
        using var model = new GmmModel(gmm);
        var x = tensor(new[,] { { 0.0, 0.0 }, { 1.2, 0.9 } }, dtype: ScalarType.Float64);
        var responsibilities = gmm.Responsibilities(x);                      // [2, 3]
        Assert.That(responsibilities.sum(-1).data<double>().ToArray(), Is.EqualTo(new[] { 1.0, 1.0 }).Within(1e-12));
        var joint = stack(Enumerable.Range(0, 3).Select(k => gmm.Components[k].LogProb(new Variables { ["x"] = x }) + Math.Log(1.0 / 3)).ToArray(), -1);
        Assert.That(responsibilities.allclose((joint - joint.logsumexp(-1, keepdim: true)).exp(), rtol: 1e-12, atol: 1e-12), Is.True, "p(z=k|x), the closed form");

        var second = tensor(new[] { 0.0, 1.0, 0.0 }, dtype: ScalarType.Float64).expand(2, 3);
        var typed = model.Post.LogProb(second, x);
        Assert.That(typed.data<double>().ToArray(), Is.EqualTo(responsibilities[.., 1].log().data<double>().ToArray()).Within(1e-12));
        Assert.That(model.LogAssignment(x, second).item<double>(), Is.EqualTo(typed.mean().item<double>()).Within(1e-12));

        manual_seed(5);
        var generated = model.AssignmentEntropy(x).item<double>();
        manual_seed(5);
        var dynamic = new Expectation(model.Post, -model.Post.LogProbLoss()).Mean().Eval(new Variables { ["x"] = x }).item<double>();
        Assert.That(generated, Is.EqualTo(dynamic).Within(1e-12), "generated == dynamic on the same seed");
        Assert.That(model.Post.ProbText, Is.EqualTo("p(z|x)"));
    }

    [Test]
    public void EM_written_with_the_generated_members_follows_a_hand_written_EM_and_never_lowers_the_likelihood()
    {
        var samples = Clusters();
        manual_seed(1);
        var locs = randn(3, 2, dtype: ScalarType.Float64);
        var (gmm, components, prior) = NotebookMixture(locs);
        using var model = new GmmModel(gmm);

        // The same EM on plain tensors, from the formulas: the reference the generated path must follow.
        var refLoc = locs.clone();
        var refScale = full(3, 2, 0.6, dtype: ScalarType.Float64);
        var refProbs = full(3, 1.0 / 3, dtype: ScalarType.Float64);
        double ReferenceLogLikelihood(out Tensor responsibilities)
        {
            var z = (samples.unsqueeze(0) - refLoc.unsqueeze(1)) / refScale.unsqueeze(1);                       // [K, N, D]
            var logComponents = (-0.5 * z.square() - refScale.unsqueeze(1).log() - 0.5 * Math.Log(2 * Math.PI)).sum(-1); // [K, N]
            var joint = logComponents + refProbs.log().unsqueeze(1);
            var marginal = joint.logsumexp(0);
            responsibilities = (joint - marginal).exp();                                                         // [K, N]
            return marginal.mean().item<double>();
        }

        const double eps = 1e-6;
        var previous = double.NegativeInfinity;
        for (var epoch = 0; epoch < 20; epoch++)
        {
            var generated = model.LogLikelihood(samples).item<double>();
            var reference = ReferenceLogLikelihood(out var refResponsibilities);
            Assert.That(generated, Is.EqualTo(reference).Within(1e-9), $"epoch {epoch}");
            Assert.That(generated, Is.GreaterThanOrEqualTo(previous - 1e-12), "EM never lowers the likelihood");
            previous = generated;

            using (no_grad())
            {
                // The notebook's E- and M-steps over the generated responsibilities (component dimension last).
                var posterior = gmm.Responsibilities(samples).T;                                 // [K, N]
                var nk = posterior.sum(1);
                prior.get_buffer("probs")!.copy_(nk / nk.sum());
                var loc = posterior.matmul(samples) / (nk.unsqueeze(1) + eps);
                var variance = (posterior.unsqueeze(1).matmul((samples.unsqueeze(0) - loc.unsqueeze(1)).square())).squeeze(1) / (nk.unsqueeze(1) + eps);
                for (var k = 0; k < 3; k++)
                {
                    components[k].get_buffer("loc")!.copy_(loc[k]);
                    components[k].get_buffer("scale")!.copy_(variance[k].sqrt());
                }

                var rk = refResponsibilities.sum(1);
                refProbs = rk / rk.sum();
                refLoc = refResponsibilities.matmul(samples) / (rk.unsqueeze(1) + eps);
                refScale = ((refResponsibilities.unsqueeze(1).matmul((samples.unsqueeze(0) - refLoc.unsqueeze(1)).square())).squeeze(1) / (rk.unsqueeze(1) + eps)).sqrt();
            }
        }
        Assert.That(previous, Is.GreaterThan(-2.2), "the three clusters are found (a log-likelihood per point of a well-fitted mixture)");
        var weights = prior.get_buffer("probs")!.data<double>().OrderBy(v => v).ToArray();
        Assert.That(weights, Is.EqualTo(new[] { 50.0 / 300, 100.0 / 300, 150.0 / 300 }).Within(0.02), "the clusters' sizes 50, 100, 150");

        manual_seed(2);
        var drawn = gmm.Sample(200);
        Assert.That(drawn.shape, Is.EqualTo(new long[] { 200, 2 }), "p.sample(batch_n=200), the notebook's pseudo-samples");
        Assert.That(model.Sample(3).shape, Is.EqualTo(new long[] { 3, 2 }), "the model's ancestral Sample draws from the mixture");
    }

    [Test]
    public void A_mixture_density_network_trains_its_components_networks_once_each()
    {
        manual_seed(7);
        using var model = new MdnModel();
        var parameters = model.parameters().ToList();
        Assert.That(parameters, Has.Count.EqualTo(4), "two components, a weight and a bias each");
        Assert.That(parameters.Distinct().Count(), Is.EqualTo(parameters.Count));
        using var optimizer = optim.Adam(parameters, 0.05);
        // y = +2x or -2x with equal odds: one Normal cannot fit both branches, two components can.
        var x = rand(512, 1) * 2 - 1;
        var sign = (rand(512, 1) < 0.5).to(ScalarType.Float32) * 2 - 1;
        var y = 2 * sign * x + 0.05 * randn(512, 1);
        double first = 0, last = 0;
        for (var step = 0; step < 300; step++)
        {
            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            var loss = model.Nll(x, y);
            loss.backward();
            optimizer.step();
            if (step == 0) first = loss.item<float>();
            last = loss.item<float>();
        }
        Assert.That(last, Is.LessThan(first - 1.0), $"the negative log-likelihood falls ({first:F2} -> {last:F2})");
        Assert.That(model.Nll(x, y).item<float>(), Is.EqualTo(-model.P.LogProbLoss().Mean().Eval(new Variables { ["x"] = x, ["y"] = y }).item<float>()).Within(1e-5));
    }

    [Test]
    public void A_declared_signature_other_than_the_components_is_refused_by_name()
    {
        var error = Assert.Throws<ArgumentException>(() => new Gmm(new Distribution[] { new Normal(0.0, 1.0, var: new[] { "y" }) }, new Categorical(full(1, 1.0), var: new[] { "z" })));
        Assert.That(error!.Message, Does.Contain("p(x) (Gmm)").And.Contain("p(y)"));
    }
}
