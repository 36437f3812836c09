using System.Linq;
using PixyzGen.Datasets;
using PixyzGen.Samples.Vae.Data;
using PixyzGen.Samples.Vae.Model;
using PixyzGen.Samples.Vae.Training;
using static TorchSharp.torch;

namespace PixyzGen.IntegrationTests;

public class TrainingTests
{
    [Test]
    public void A_few_hundred_steps_on_the_embedded_digits_lower_the_test_negative_elbo()
    {
        manual_seed(1);
        var (train, test) = MnistData.Load(EmbeddedData.Folder, VaeShape.Side);
        using (train)
        using (test)
        {
            using var model = new VaeModel(hidden: 128, latent: 16);
            var trainer = new VaeTrainer(model, new TrainingOptions(Epochs: 2, BatchSize: 64, Hidden: 128, Latent: 16, Seed: 1, LearningRate: 1e-3));
            var before = trainer.Evaluate(test);
            trainer.TrainEpoch(train);
            trainer.TrainEpoch(train);
            var after = trainer.Evaluate(test);
            Assert.That(before, Is.GreaterThan(500), "an untrained model assigns the digits little probability");
            Assert.That(after, Is.LessThan(210));
            Assert.That(trainer.StepLosses.Take(10).Average(), Is.GreaterThan(trainer.StepLosses.TakeLast(10).Average() + 100));
        }
    }
}
