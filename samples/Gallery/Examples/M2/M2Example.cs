using System.Collections.Generic;
using System.Linq;
using PixyzGen.Plots;
using PixyzGen.Samples.Gallery.Support;
using Spectre.Console;
using static TorchSharp.torch;

namespace PixyzGen.Samples.Gallery.Examples.M2;

/// <summary>
/// Pixyz's m2 notebook: semi-supervised M2 with 100 labels (10 per digit), every training digit unlabelled; each
/// step one unlabelled batch of 128 and the labelled hundred, the classifier's loss weighted by the notebook's
/// rate (batches per epoch over labelled batches). Pixyz's dynamic loss (ELBO of replaced variables, the product
/// q(z|x_u,y_u) q(y_u|x_u)) is built beside and gives the generated number on the same seed.
/// </summary>
public sealed class M2Example : IExample
{
    public string Name => "m2";

    public string Notebook => "examples/m2.ipynb";

    public string Description => "semi-supervised M2 with 100 labels";

    public string Api => "generated ([Loss] labelled and unlabelled ELBOs) + dynamic (ELBO, replace_var, Model)";

    public string PixyzFigure => "test accuracy and loss per epoch (TensorBoard)";

    public string PixyzPrints => "test accuracy 84.46% after epoch 8 of 10 (its output stops there); 79.99% after the first";

    public string StepUnit => "epochs";

    // The notebook's 10 epochs over 60,000 digits are 4,690 steps; 40 over our 9,000 are 2,840.
    public int DefaultSteps => 40;

    public long DefaultSeed => 1;

    public ExampleResult Run(ExampleOptions options)
    {
        manual_seed(options.Seed);
        var (train, test) = Digits.Load();
        using var _ = train;
        using var __ = test;
        using var labelledIndex = LabelledIndex(train, perDigit: 10);
        using var xl = train.Images.index_select(0, labelledIndex);
        using var yl = train.OneHot.index_select(0, labelledIndex);
        using var model = new M2Model();
        ModelReport.Print(model.ToString(), M2Model.UnlabelledLatex);
        using var optimizer = optim.Adam(model.parameters(), 1e-3);
        var training = new EpochTraining(options, train, test);
        // The notebook's rate: (len(unlabelled) + len(labelled)) / len(labelled), in batches; the hundred labels are one batch.
        double rate = training.StepsPerEpoch + 1;
        var accuracies = new List<double>();
        training.Run(
            (progress, xu, _) => Minibatches.Step(optimizer, progress, () => model.Unlabelled(xu) + model.Labelled(xl, yl) + rate * model.Nll(xl, yl)),
            model.Nll, "test loss (classifier)",
            afterEpoch: _ =>
            {
                accuracies.Add(Accuracy(model, test));
                AnsiConsole.MarkupLine($"Test accuracy: {accuracies[^1]:F4}");
            },
            module: model);

        var gap = CompareWithDynamic(model, test, options.Seed, rate);
        var files = new ExampleFiles(options.Output);
        Analogies(model, test, files.Picture("analogies.png"));
        TrainingCurve.Save(files.Picture("accuracy.png"), System.Array.Empty<double>(), accuracies.Select((a, i) => ((double)(i + 1) * training.StepsPerEpoch, a)).ToList(),
            title: "M2 with 100 labels", yLabel: "test accuracy", evaluationLabel: "test accuracy (per epoch)", yMin: 0, yMax: 1);
        // The classifier's test loss (a few nats) on its own axis beside the training loss (hundreds).
        training.SaveCurve(files.Picture("loss.png"), "M2 training loss", yLabel: "loss", testLabel: "classifier test loss (per epoch)", testOnOwnAxis: true);
        files.Save(model, "m2.pt");
        return new ExampleResult("test accuracy", accuracies[^1], training.StepLosses, files.Pictures, files.Checkpoint, accuracies, gap);
    }

    /// <summary>The notebook's labelled subset: the first <paramref name="perDigit"/> of each digit in a shuffled order.</summary>
    private static Tensor LabelledIndex(Digits train, int perDigit)
    {
        using var order = randperm(train.Count);
        var shuffled = order.data<long>().ToArray();
        var chosen = Enumerable.Range(0, 10).SelectMany(digit => shuffled.Where(i => train.Labels[i] == digit).Take(perDigit)).ToArray();
        return tensor(chosen);
    }

    private static double Accuracy(M2Model model, Digits test) => Minibatches.Accuracy(test, x => model.F.Params(x).Probs);

    /// <summary>The notebook's loss, -elbo_u.mean() - elbo.mean() + (rate * nll).mean(), from Pixyz's dynamic API over the same distributions.</summary>
    private static double CompareWithDynamic(M2Model model, Digits test, long seed, double rate)
    {
        var (x, y) = test.First(100);
        using var xu = test.Images.narrow(0, test.Count - 128, 128);
        var pJoint = model.P * model.Prior;
        var qU = model.Q.ReplaceVar(("x", "x_u"), ("y", "y_u")) * model.F.ReplaceVar(("x", "x_u"), ("y", "y_u"));
        var pJointU = model.P.ReplaceVar(("x", "x_u"), ("y", "y_u")) * model.Prior;
        var nll = -model.F.LogProbLoss();
        var loss = -new ELBO(pJointU, qU).Mean() - new ELBO(pJoint, model.Q).Mean() + (rate * nll).Mean();
        using var dynamic = new Model(loss, nll.Mean(), new Distribution[] { model.P, model.Q, model.F });
        AnsiConsole.WriteLine(dynamic.ToString());
        return DynamicAgreement.Compare("M2 loss on 128 unlabelled and 100 labelled test digits", seed,
            () => model.Unlabelled(xu) + model.Labelled(x, y) + rate * model.Nll(x, y),
            () =>
            {
                using var noGrad = no_grad();
                return dynamic.Loss.Eval(new Variables { ["x"] = x, ["y"] = y, ["x_u"] = xu }).item<float>();   // the training loss; Test scores the test loss
            });
    }

    /// <summary>Each row: a test digit, then its style (the mean code of q(z|x,y)) drawn as every digit 0-9.</summary>
    private static void Analogies(M2Model model, Digits test, string path)
    {
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var (x, y) = test.First(8);
        var z = model.Q.Params(x, y).Loc;
        var rows = new List<Tensor>();
        for (var i = 0; i < x.shape[0]; i++)
        {
            var style = z[i].unsqueeze(0).expand(10, -1);
            rows.Add(x[i].unsqueeze(0));
            rows.Add(model.P.Mean(style, eye(10)));
        }
        ImageGrid.Save(cat(rows.ToArray()), path, columns: 11, scale: 3);
    }
}
