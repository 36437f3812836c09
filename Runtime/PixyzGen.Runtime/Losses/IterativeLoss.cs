using System;
using System.Collections.Generic;
using System.Linq;
using static TorchSharp.torch;

namespace PixyzGen;

/// <summary>
/// A step loss unrolled over a sequence (DMM, VRNN): at each step t the series variables take their t-th slice (time
/// is the first dimension), the step loss is evaluated, its draws join the variables, and carried state is updated
/// (<c>updateValue</c> maps a drawn variable to the input that receives it for the next step, e.g. h -> h_prev).
/// The value is the sum over steps, masked per step when <c>maskVar</c> names a [T, batch] mask.
/// </summary>
public sealed class IterativeLoss : Loss
{
    private readonly string[] seriesVar;
    private readonly Dictionary<string, string> updateValue;

    /// <summary>The step loss summed over time: the series variables sliced along their first dimension, the carried variables passed from one step's draws to the next.</summary>
    public IterativeLoss(
        Loss stepLoss, IReadOnlyList<string> seriesVar, IReadOnlyDictionary<string, string>? updateValue = null,
        int? maxIter = null, string? timestepVar = null, string? maskVar = null)
    {
        StepLoss = stepLoss ?? throw new ArgumentNullException(nameof(stepLoss));
        this.seriesVar = seriesVar.ToArray();
        this.updateValue = new Dictionary<string, string>(updateValue ?? new Dictionary<string, string>());
        if (this.seriesVar.Length == 0 && maxIter is null) throw new ArgumentException("IterativeLoss needs series variables or maxIter to know how many steps to take.");
        if (maxIter is <= 0) throw new ArgumentOutOfRangeException(nameof(maxIter), "maxIter must be positive.");
        MaxIter = maxIter;
        TimestepVar = timestepVar;
        MaskVar = maskVar;
    }

    /// <summary>The loss of one step.</summary>
    public Loss StepLoss { get; }

    /// <summary>The variables indexed by time in their first dimension.</summary>
    public IReadOnlyList<string> SeriesVar => seriesVar;

    /// <summary>The number of steps, or null for the length of the first series.</summary>
    public int? MaxIter { get; }

    /// <summary>The variable that receives the step index, if any.</summary>
    public string? TimestepVar { get; }

    /// <summary>The [T, batch] mask variable, if any.</summary>
    public string? MaskVar { get; }

    /// <inheritdoc/>
    public override IReadOnlyList<string> InputVar =>
        Union(StepLoss.InputVar.Where(v => v != TimestepVar), MaskVar is null ? Array.Empty<string>() : new[] { MaskVar });

    /// <inheritdoc/>
    public override IEnumerable<Distribution> Distributions => StepLoss.Distributions;

    /// <inheritdoc/>
    protected internal override (Tensor Value, Variables Samples) Estimate(Variables inputs)
    {
        var steps = MaxIter ?? (int)inputs[seriesVar[0]].Sizes()[0];
        foreach (var series in seriesVar)
        {
            if (inputs[series].Sizes()[0] < steps)
                throw new ArgumentException($"{this}: series '{series}' has {inputs[series].Sizes()[0]} steps, fewer than {steps}.", series);
        }
        var values = inputs;
        Tensor? total = null;
        for (var t = 0; t < steps; t++)
        {
            foreach (var series in seriesVar) values = values.With(series, inputs[series][t]);
            if (TimestepVar is not null) values = values.With(TimestepVar, tensor(t));
            var (step, drawn) = StepLoss.Estimate(values);
            if (MaskVar is not null) step = step * inputs[MaskVar][t];
            total = total is null ? step : total + step;
            values = values.Merge(drawn);
            foreach (var (from, to) in updateValue) values = values.With(to, values[from]);
        }
        return (total!, Variables.Empty);
    }

    /// <summary>The DSL form: <c>iterate(x | h = h_prev)[step]</c>.</summary>
    public override string ToString()
    {
        var carries = updateValue.Count == 0 ? "" : " | " + string.Join(", ", updateValue.Select(u => $"{u.Key} = {u.Value}"));
        return $"iterate({string.Join(", ", seriesVar)}{carries})[{StepLoss}]";
    }

    /// <inheritdoc/>
    protected internal override int Precedence => 1;

    /// <inheritdoc/>
    public override string ToLatex() => $"\\sum_{{t=1}}^{{{(MaxIter?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "T")}}} {Wrap(StepLoss, 2, true)}";
}
