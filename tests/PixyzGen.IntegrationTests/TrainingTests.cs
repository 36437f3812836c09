using System.Linq;
using PixyzGen.Datasets;
using PixyzGen.Samples.Vae.Data;
using PixyzGen.Samples.Vae.Model;
using PixyzGen.Training;
using static TorchSharp.torch;

namespace PixyzGen.IntegrationTests;

public class TrainingTests
{
    [Test]
    public void A_few_hundred_steps_on_the_embedded_digits_lower_the_test_negative_elbo()
    {
        manual_seed(1);
        var (train, test) = MnistData.LoadDatasets(EmbeddedData.Folder, VaeShape.Side);
        using (train)
        using (test)
        {
            using var trainBatches = new Batches(train, 64, shuffle: true, seed: 1);
            using var testBatches = new Batches(test, 500);
            using var model = new VaeModel(hidden: 128, latent: 16);
            var trainer = new Trainer(
                Objective.Of(model, new FusedAdam(model.parameters(), 1e-3), batch => model.Loss(batch["x"])),
                new TrainerOptions { Epochs = 2, Progress = ProgressStyle.None });
            var before = trainer.Evaluate(testBatches);
            var result = trainer.Fit(trainBatches, testBatches);
            Assert.That(before, Is.GreaterThan(500), "an untrained model assigns the digits little probability");
            Assert.That(result.Last!.TestLoss, Is.LessThan(210));
            var losses = result.History.StepLosses;
            Assert.That(losses.Take(10).Average(), Is.GreaterThan(losses.TakeLast(10).Average() + 100));
        }
    }
}
