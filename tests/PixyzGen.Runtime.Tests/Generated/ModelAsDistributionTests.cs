using System.Linq;
using static TorchSharp.torch;

namespace PixyzGen.Runtime.Tests.Generated;

/// <summary>A [Model] is a distribution: its joint goes to the dynamic API as the product the user would build with '*'.</summary>
public class ModelAsDistributionTests
{
    [Test]
    public void The_model_is_its_joint_in_the_dynamic_trainers()
    {
        manual_seed(5);
        using var model = new Hierarchical();
        var x = bernoulli(full(7, 5, 0.3f));
        var inputs = new Variables { ["x"] = x };
        manual_seed(41);
        var generated = model.Vi(x);
        manual_seed(41);
        // new ELBO(model, q): the model stands for p(x,a,z) = p(x|a) p(a|z) p_prior(z).
        var dynamic = (-new ELBO(model, model.Q1 * model.Q2)).Mean().Eval(inputs);
        Assert.That(dynamic.allclose(generated, rtol: 1e-6, atol: 1e-6), Is.True);
        Assert.That(model.Joint.ProbText, Is.EqualTo("p(x,a,z)"));
        Assert.That(model.Joint.ProbFactorizedText, Is.EqualTo("p(x|a)p(a|z)p_prior(z)"));
        Assert.That(ReferenceEquals(model.Joint, model.Joint), Is.True, "built once");
    }

    [Test]
    public void The_joints_density_is_the_generated_LogProb()
    {
        manual_seed(6);
        using var model = new Hierarchical();
        var (x, a, z) = (bernoulli(full(4, 5, 0.5f)), randn(4, 3), randn(4, 2));
        var typed = model.LogProb(x, a, z);
        var dynamic = model.Joint.LogProb(new Variables { ["x"] = x, ["a"] = a, ["z"] = z });
        Assert.That(typed.equal(dynamic).all().item<bool>(), Is.True, "same factors summed in the same order");
    }

    [Test]
    public void The_joint_shares_the_members_parameters_and_adds_none_to_the_model()
    {
        using var model = new Hierarchical();
        var before = model.state_dict().Count;
        var joint = model.Joint;
        Assert.That(model.state_dict().Count, Is.EqualTo(before), "the joint is not registered in the model");
        Assert.That(joint.parameters().Count(), Is.EqualTo(model.P3.parameters().Count() + model.P2.parameters().Count() + model.Prior.parameters().Count()));
    }

    [Test]
    public void A_marginal_models_joint_integrates_as_its_factorization_says()
    {
        using var model = new LossKinds();
        Assert.That(model.Joint.ProbText, Is.EqualTo("p(x,z)"));
        Distribution asDistribution = model;
        Assert.That(asDistribution, Is.SameAs(model.Joint));
    }
}
