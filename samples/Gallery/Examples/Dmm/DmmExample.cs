using System;
using System.Collections.Generic;
using System.Linq;
using PixyzGen.Plots;
using PixyzGen.Samples.Gallery.Support;
using static TorchSharp.torch;

namespace PixyzGen.Samples.Gallery.Examples.Dmm;

/// <summary>
/// Pixyz's tutorial 04, the deep Markov model with actions, on synthetic moving-dot episodes (the tutorial's CartPole
/// frames need gym): a bidirectional GRU over the frames, the combiner q(z|h,z_prev,u), the transition p(z|z_prev,u)
/// and the emission p(x|z), trained by the expected iterative loss with RMSprop 5e-4 and gradient values clipped at
/// 10. The tutorial's dynamic loss, E(rnn, IterativeLoss(step loss)), agrees with the generated one. Writes
/// episodes over roll-outs from the prior under the same actions, as the tutorial's video from the latent, and over
/// predictions from each episode's first frames.
/// </summary>
public sealed class DmmExample : IExample
{
    private const int Steps = 20;
    private const int BatchSize = 64;
    private const int TrainEpisodes = 2048;
    private const int ShownEpisodes = 4;

    public string Name => "dmm";

    public string Notebook => "tutorial/English/04-DeepMarkovModel.ipynb";

    public string Description => "deep Markov model with actions on synthetic moving-dot episodes";

    public string Api => "generated ([Loss] E_rnn[iterate(...)]) + dynamic (IterativeLoss, Expectation, Model)";

    public string PixyzFigure => "30 frames generated from the prior under an episode's actions, beside the episode";

    public string PixyzPrints => "train loss 53,137.66 per episode after 200 epochs (30 CartPole frames of 3x28x28, a Normal of scale 1 per pixel: not comparable with ours)";

    public string StepUnit => "epochs";

    public int DefaultSteps => 200;

    public long DefaultSeed => 1;

    public ExampleResult Run(ExampleOptions options)
    {
        manual_seed(options.Seed);
        var (trainX, trainU) = MovingDot.Episodes(TrainEpisodes, Steps);
        var (testX, testU) = MovingDot.Episodes(128, Steps);
        using var model = new DmmModel();
        ModelReport.Print(model.ToString(), DmmModel.LossLatex);
        using var optimizer = optim.RMSProp(model.parameters(), 5e-4);
        var batchesPerEpoch = Minibatches.PerEpoch(TrainEpisodes, BatchSize, options.Batches);
        var testLosses = new List<double>();
        var losses = TrainingProgress.Run(options.Steps * batchesPerEpoch, progress =>
        {
            for (var epoch = 1; epoch <= options.Steps; epoch++)
            {
                progress.Stage = $"epoch {epoch}/{options.Steps}";
                using var order = randperm(TrainEpisodes);
                for (var i = 0; i < batchesPerEpoch; i++)
                {
                    NativeSettings.ApplyThreadPolicy();
                    using var scope = NewDisposeScope();
                    var index = order.narrow(0, i * BatchSize, BatchSize);
                    var x = trainX.index_select(1, index);
                    var u = trainU.index_select(1, index);
                    optimizer.zero_grad();
                    var loss = model.Loss(x, zeros(BatchSize, DmmShape.Z), u);
                    progress.Report(loss.item<float>());
                    loss.backward();
                    nn.utils.clip_grad_value_(model.parameters(), 10);
                    optimizer.step();
                }
                using (no_grad())
                using (NewDisposeScope())
                    testLosses.Add(model.Loss(testX, zeros(128, DmmShape.Z), testU).item<float>());
                Spectre.Console.AnsiConsole.MarkupLine($"Epoch: {epoch} Train loss: {progress.Losses.Skip(progress.Losses.Count - batchesPerEpoch).Average():F4}  test loss: {testLosses[^1]:F4}");
            }
        });

        var stepLoss = -new Expectation(model.Q, model.P.LogProbLoss()) + new KullbackLeibler(model.Q, model.Prior);
        var dynamicLoss = new Expectation(model.Rnn, new IterativeLoss(stepLoss, new[] { "x", "h", "u" }, new Dictionary<string, string> { ["z"] = "z_prev" })).Mean();
        using var dynamic = new Model(dynamicLoss, distributions: new Distribution[] { model.Rnn, model.Q, model.P, model.Prior });
        var gap = DynamicAgreement.Compare("test loss", options.Seed, () => model.Loss(testX, zeros(128, DmmShape.Z), testU),
            () => dynamic.Test(new Variables { ["x"] = testX, ["z_prev"] = zeros(128, DmmShape.Z), ["u"] = testU }));

        var files = new ExampleFiles(options.Output);
        RollOuts(model, testX, testU, files.Picture("rollouts.png"));
        Predictions(model, testX, testU, files.Picture("predictions.png"));
        TrainingCurve.Save(files.Picture("loss.png"), losses, testLosses.Select((v, i) => ((double)(i + 1) * batchesPerEpoch, v)).ToList(),
            title: "DMM on moving-dot episodes", yLabel: "loss (nats per episode)", evaluationLabel: "test loss (per epoch)");
        files.Save(model, "dmm.pt");
        return new ExampleResult("test loss (nats per episode)", testLosses[^1], losses, files.Pictures, files.Checkpoint, testLosses, gap);
    }

    /// <summary>Rows in pairs: a test episode, then frames generated from the prior under its actions (z_t ~ p(z|z_prev,u_t), x_t the emission's mean).</summary>
    private static void RollOuts(DmmModel model, Tensor frames, Tensor actions, string path) =>
        EpisodePairs(model, frames, path, b => (t, zPrev) => model.Prior.Sample(zPrev, actions[t, b].unsqueeze(0)));

    private const int Observed = 5;

    /// <summary>
    /// Not in the tutorial: the prior cannot know where an episode's dot starts, so its roll-outs are of a dot
    /// anywhere. Here z is inferred from the first 5 frames only (the RNN and q(z|h,z_prev,u) see nothing later),
    /// then the transition alone carries it under the episode's actions: the dot should keep moving as the episode's.
    /// Rows in pairs: the episode, then the 5 reconstructed frames and the 15 predicted ones.
    /// </summary>
    private static void Predictions(DmmModel model, Tensor frames, Tensor actions, string path) =>
        EpisodePairs(model, frames, path, b =>
        {
            var h = model.Rnn.Sample(frames[..Observed, b..(b + 1)]);   // [Observed, 1, 2 * H]
            return (t, zPrev) =>
            {
                var u = actions[t, b].unsqueeze(0);
                return t < Observed ? model.Q.Mean(h[t], zPrev, u) : model.Prior.Mean(zPrev, u);
            };
        });

    /// <summary>
    /// The first <see cref="ShownEpisodes"/> test episodes, each over the emission's means of the latents that <paramref name="latentsOf"/>
    /// gives for it (episode index -> (time, z_prev) -> z_t), from z_0 = 0.
    /// </summary>
    private static void EpisodePairs(DmmModel model, Tensor frames, string path, Func<int, Func<int, Tensor, Tensor>> latentsOf)
    {
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var rows = new List<Tensor>();
        for (var b = 0; b < ShownEpisodes; b++)
        {
            rows.Add(frames[.., b]);
            var next = latentsOf(b);
            var zPrev = zeros(1, DmmShape.Z);
            var decoded = new List<Tensor>();
            for (var t = 0; t < Steps; t++)
            {
                var z = next(t, zPrev);
                decoded.Add(model.P.Mean(z));
                zPrev = z;
            }
            rows.Add(cat(decoded.ToArray()));
        }
        ImageGrid.Save(cat(rows.ToArray()).reshape(-1, DmmShape.Side, DmmShape.Side), path, columns: Steps, scale: 3);
    }
}
