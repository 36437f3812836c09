using System;
using System.Linq;
using PixyzGen.Datasets;
using PixyzGen.Samples.Vae.Data;
using PixyzGen.Samples.Vae.Model;
using static TorchSharp.torch;

namespace PixyzGen.IntegrationTests;

/// <summary>
/// The walking skeleton's generated VAE and the same networks trained through the dynamic API (Pixyz's VAE model
/// with a KL regularizer) take the same steps on the embedded digits when seeded identically.
/// </summary>
public class DynamicVaeParityTests
{
    [Test]
    public void Generated_and_dynamic_VAEs_agree_step_by_step_and_on_the_test_negative_elbo()
    {
        var (train, test) = MnistData.Load(EmbeddedData.Folder, VaeShape.Side);
        using (train)
        using (test)
        {
            manual_seed(5);
            using var generated = new VaeModel(hidden: 128, latent: 16);
            manual_seed(5);
            using var networks = new VaeModel(hidden: 128, latent: 16);
            var generatedOptimizer = optim.Adam(generated.parameters(), 1e-3);
            using var dynamic = new VAE(networks.Q, networks.P, regularizer: new KullbackLeibler(networks.Q, networks.Pz), optimizer: ps => optim.Adam(ps, 1e-3));
            Assert.That(dynamic.Loss.ToString(), Is.EqualTo("mean(-E_q(z|x)[log p(x|z)] + KL(q(z|x) || p(z)))"));

            const int steps = 40, batchSize = 64;
            var largestRelativeGap = 0.0;
            for (var step = 0; step < steps; step++)
            {
                using var scope = NewDisposeScope();
                var batch = train.Images.narrow(0, step * batchSize, batchSize);

                manual_seed(1000 + step);
                generatedOptimizer.zero_grad();
                var loss = generated.Loss(batch);
                loss.backward();
                generatedOptimizer.step();
                var generatedLoss = loss.item<float>();

                manual_seed(1000 + step);
                var dynamicLoss = dynamic.Train(new Variables { ["x"] = batch });

                var gap = Math.Abs(generatedLoss - dynamicLoss) / Math.Abs(generatedLoss);
                largestRelativeGap = Math.Max(largestRelativeGap, gap);
                Assert.That(gap, Is.LessThan(1e-4), $"step {step}: generated {generatedLoss}, dynamic {dynamicLoss}");
            }
            TestContext.Out.WriteLine($"largest relative gap over {steps} steps: {largestRelativeGap:E2}");

            using var testBatch = test.Images.narrow(0, 0, 500);
            manual_seed(77);
            double generatedTest;
            using (no_grad()) generatedTest = generated.Loss(testBatch).item<float>();
            manual_seed(77);
            var dynamicTest = dynamic.Test(new Variables { ["x"] = testBatch });
            Assert.That(dynamicTest, Is.EqualTo(generatedTest).Within(1e-4 * generatedTest));
        }
    }
}
