using System.Collections.Generic;

namespace PixyzGen.Samples.Gallery.Examples;

/// <summary>One of Pixyz's notebooks written with PixyzGen: its command, where it comes from, and how it runs.</summary>
public interface IExample
{
    /// <summary>The command that runs it: <c>gmm</c>.</summary>
    string Name { get; }

    /// <summary>The notebook it ports, as a path in masa-su/pixyz.</summary>
    string Notebook { get; }

    /// <summary>One line for --help.</summary>
    string Description { get; }

    /// <summary>Which API it is written in: "generated", or "generated + dynamic" where the notebook shows both.</summary>
    string Api { get; }

    /// <summary>The figure Pixyz's notebook shows, for the table.</summary>
    string PixyzFigure { get; }

    /// <summary>
    /// What the notebook's saved output prints last (on its data: all 60,000 MNIST digits unless it says otherwise),
    /// for the table's comparison.
    /// </summary>
    string PixyzPrints { get; }

    /// <summary>What one step of <see cref="DefaultSteps"/> is: "epochs", "steps" or "iterations"; the command's option is named after it.</summary>
    string StepUnit { get; }

    /// <summary>The default number of steps (epochs, training steps, EM iterations): the notebook's, unless the example says why not.</summary>
    int DefaultSteps { get; }

    /// <summary>The notebook's own seed.</summary>
    long DefaultSeed { get; }

    ExampleResult Run(ExampleOptions options);
}

/// <summary>
/// What a run is given: steps (in the example's unit), seed, the folder for its files and, for examples that train
/// in epochs, at most <paramref name="Batches"/> minibatches per epoch (null: the whole training split).
/// </summary>
public sealed record ExampleOptions(int Steps, long Seed, string Output, int? Batches = null);

/// <summary>
/// What a run reports: its final metric, the loss (or metric) per step, the pictures and the checkpoint it wrote and,
/// for examples that train in epochs, the test metric after each epoch; where the notebook uses Pixyz's dynamic API,
/// the relative gap between the dynamic model's loss and the generated one on the same batch and seed; for the
/// tutorials, which print numbers rather than train, those numbers by what they are (compared with the notebook's).
/// </summary>
public sealed record ExampleResult(
    string Metric, double Value, IReadOnlyList<double> PerStep, IReadOnlyList<string> Pictures, string? Checkpoint = null,
    IReadOnlyList<double>? PerEpoch = null, double? DynamicGap = null, IReadOnlyDictionary<string, double>? Printed = null);
