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

    /// <summary>The default number of steps (EM iterations, training steps).</summary>
    int DefaultSteps { get; }

    /// <summary>The notebook's own seed.</summary>
    long DefaultSeed { get; }

    ExampleResult Run(ExampleOptions options);
}

/// <summary>What a run is given: steps, seed and the folder for its pictures.</summary>
public sealed record ExampleOptions(int Steps, long Seed, string Output);

/// <summary>What a run reports: its final metric, the loss (or metric) per step, and the pictures it wrote.</summary>
public sealed record ExampleResult(string Metric, double Value, System.Collections.Generic.IReadOnlyList<double> PerStep, System.Collections.Generic.IReadOnlyList<string> Pictures);
