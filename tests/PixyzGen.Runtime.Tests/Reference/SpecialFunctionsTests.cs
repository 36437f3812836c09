using System;

namespace PixyzGen.Runtime.Tests.Reference;

/// <summary>The reference functions themselves, against textbook values.</summary>
public class SpecialFunctionsTests
{
    [TestCase(1.0, 0.0)]
    [TestCase(0.5, 0.57236494292470008)]          // log sqrt(pi)
    [TestCase(5.0, 3.1780538303479458)]           // log 24
    [TestCase(10.5, 13.940625219403763)]
    public void Log_gamma(double x, double expected) => Assert.That(SpecialFunctions.LogGamma(x), Is.EqualTo(expected).Within(1e-12));

    [TestCase(1.0, -0.57721566490153287)]         // -Euler's gamma
    [TestCase(0.5, -1.9635100260214235)]
    [TestCase(10.0, 2.2517525890667211)]
    public void Digamma(double x, double expected) => Assert.That(SpecialFunctions.Digamma(x), Is.EqualTo(expected).Within(1e-12));

    [Test]
    public void Simpson_integrates_a_gaussian() =>
        Assert.That(SpecialFunctions.Integrate(x => Math.Exp(-x * x / 2) / Math.Sqrt(2 * Math.PI), -10, 10), Is.EqualTo(1).Within(1e-10));
}
