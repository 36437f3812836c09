using System;
using static TorchSharp.torch;

namespace PixyzGen.Runtime.Tests.Families;

/// <summary>
/// Probabilities are clamped with their own dtype's epsilon (torch.distributions' clamp_probs), so float64 keeps its
/// precision; and parameters that are NaN or infinite are refused with the same message as a negative scale.
/// </summary>
public class PrecisionAndValidityTests
{
    [Test]
    public void A_float64_Bernoulli_scores_tiny_probabilities_exactly_and_float32_clamps_like_torch()
    {
        using var p64 = new ConstantBernoulli(tensor(new[] { 1e-9, 1 - 1e-9 }, ScalarType.Float64));
        using var ones64 = tensor(new[] { 1.0, 0.0 }, ScalarType.Float64).unsqueeze(0);
        // log(1e-9) + log(1 - (1 - 1e-9)) in closed form; the float32 epsilon would give 2 log(1.19e-7) = -31.9.
        Assert.That(p64.LogProb(ones64).item<double>(), Is.EqualTo(2 * Math.Log(1e-9)).Within(1e-6));

        using var p32 = new ConstantBernoulli(tensor(new[] { 1e-9f }));
        using var one32 = tensor(new[] { 1f }).unsqueeze(0);
        // torch: log(clamp(1e-9, eps32, 1 - eps32)) with eps32 = 2^-23.
        Assert.That(p32.LogProb(one32).item<float>(), Is.EqualTo((float)Math.Log(Math.Pow(2, -23))).Within(1e-5));
    }

    [Test]
    public void A_float64_Categorical_and_its_entropy_keep_tiny_probabilities()
    {
        var probs = new[] { 1e-12, 1 - 1e-12 };
        using var c = new Categorical(tensor(probs, ScalarType.Float64), var: new[] { "c" });
        using var first = tensor(new[] { 1.0, 0.0 }, ScalarType.Float64).unsqueeze(0);
        Assert.That(c.LogProb(new Variables { ["c"] = first }).item<double>(), Is.EqualTo(Math.Log(1e-12)).Within(1e-6));
        var entropy = -(probs[0] * Math.Log(probs[0]) + probs[1] * Math.Log(probs[1]));
        Assert.That(c.Entropy(Variables.Empty).item<double>(), Is.EqualTo(entropy).Within(1e-12));
    }

    [TestCase(double.NaN, 1.0, "'loc'", "NaN")]
    [TestCase(double.PositiveInfinity, 1.0, "'loc'", "infinity")]
    [TestCase(0.0, double.PositiveInfinity, "'scale'", "infinity")]
    [TestCase(0.0, double.NaN, "'scale'", "NaN")]
    public void Non_finite_normal_parameters_are_refused_naming_them(double loc, double scale, string parameter, string found)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new Normal(loc, scale, var: new[] { "z" }));
        Assert.That(error!.Message, Does.Contain("p(z)").And.Contain(parameter).And.Contain(found));
    }

    [Test]
    public void A_non_finite_location_from_a_variable_is_refused_naming_the_variable()
    {
        using var p = new Normal("m", 1.0, var: new[] { "z" }, condVar: new[] { "m" });
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => p.Sample(new Variables { ["m"] = tensor(new[] { 0f, float.NaN }) }));
        Assert.That(error!.Message, Does.Contain("'loc'").And.Contain("variable 'm'").And.Contain("NaN"));
    }
}
