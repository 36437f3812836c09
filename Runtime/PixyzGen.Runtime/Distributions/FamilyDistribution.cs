using System;
using System.Collections.Generic;
using System.Linq;
using static TorchSharp.torch;

namespace PixyzGen;

/// <summary>
/// A distribution of one parametric family over one variable (Pixyz's <c>DistributionBase</c>). Parameters come
/// from constants or conditioning variables given to the constructor, from an override of
/// <see cref="ParamsFor"/>, or from a <c>Forward</c> method that the generator wires in for
/// <see cref="DistributionAttribute"/> classes. The family math works on a parameter record
/// <typeparamref name="TParams"/>, shared by the dynamic API and generated code.
/// </summary>
public abstract class FamilyDistribution<TParams> : Distribution, IConstantParameters where TParams : struct
{
    private readonly string[] parameterNames;
    private readonly ParamSource[]? sources;

    /// <summary>
    /// A family with <paramref name="parameterNames"/> (in the order <see cref="CreateParams"/> takes them) and their
    /// <paramref name="sources"/>, or null sources when <see cref="ParamsFor"/> computes them.
    /// <paramref name="extraParameterRank"/> counts trailing parameter dimensions that are not value dimensions (1 for a categorical over indices).
    /// </summary>
    protected FamilyDistribution(
        string[] parameterNames, ParamSource[]? sources, IReadOnlyList<string>? var, IReadOnlyList<string>? condVar, string? name,
        long[]? features, int extraParameterRank = 0)
        : base(var, condVar, name, InferFeatures(sources, features, extraParameterRank))
    {
        this.parameterNames = parameterNames;
        if (Var.Count != 1)
            throw new ArgumentException($"{Describe()}: a {DistributionName} distribution generates exactly one variable; build joints with '*'.", nameof(var));
        if (sources is null) return;
        if (sources.Length != parameterNames.Length) throw new ArgumentException($"{GetType().Name}: expected parameters {string.Join(", ", parameterNames)}.");
        this.sources = sources;
        var shapeOfConstants = FeatureShape is { } f && extraParameterRank == 0 ? f.ToArray() : null;
        for (var i = 0; i < sources.Length; i++)
        {
            if (sources[i].Variable is { } variable)
            {
                if (!CondVar.Contains(variable))
                    throw new ArgumentException($"{Describe()}: parameter '{parameterNames[i]}' reads variable '{variable}', which is not a conditioning variable; add it to condVar.", parameterNames[i]);
                continue;
            }
            var constant = sources[i].Constant!.detach();
            constant = (shapeOfConstants is null ? constant : constant.expand(shapeOfConstants)).clone();
            CheckConstant(parameterNames[i], constant);
            register_buffer(parameterNames[i], constant);
        }
        // Constants are checked once, here; values from variables or networks on each dynamic call (ValidateParameters).
        if (sources.All(s => s.Variable is null)) CheckParams(FromSources(Variables.Empty));
    }

    /// <summary>The family's parameter names, e.g. <c>loc</c>, <c>scale</c>.</summary>
    public IReadOnlyList<string> ParameterNames => parameterNames;

    /// <summary>Whether the dynamic API checks parameter values (positivity, ranges) on every call; on by default.</summary>
    public bool ValidateParameters { get; set; } = true;

    /// <summary>The parameters given the conditioning variables. Override to compute them with a network.</summary>
    protected virtual TParams ParamsFor(Variables inputs)
    {
        if (sources is null)
            throw new InvalidOperationException(
                $"{Describe()} has no parameters: give them to the constructor (constants or variable names), override ParamsFor, or write a Forward method under [Distribution].");
        return FromSources(inputs);
    }

    private TParams FromSources(Variables inputs)
    {
        var sources = this.sources!;
        var raw = new Tensor[sources.Length];
        for (var i = 0; i < raw.Length; i++)
            raw[i] = sources[i].Variable is { } variable ? Require(inputs, variable) : get_buffer(parameterNames[i])!;
        return CreateParams(raw);
    }

    /// <summary>The constant parameters; throws when a parameter comes from a variable or a network.</summary>
    public TParams ConstantParams => sources is not null && sources.All(s => s.Variable is null)
        ? ParamsFor(Variables.Empty)
        : throw new InvalidOperationException($"{Describe()} has no constant parameters: they come from variables or a network.");

    /// <summary>Builds the parameter record from tensors in <see cref="ParameterNames"/> order.</summary>
    protected abstract TParams CreateParams(Tensor[] raw);

    /// <summary>The parameter tensors in <see cref="ParameterNames"/> order (for <see cref="GetParams"/>).</summary>
    protected abstract Tensor[] ParamTensors(TParams p);

    /// <summary>Throws when parameter values are outside the family's domain (named with <see cref="ParameterError"/>).</summary>
    protected abstract void CheckParams(TParams p);

    /// <summary>The shape of a value (batch + features) given parameters.</summary>
    protected abstract long[] ValueShape(TParams p);

    /// <summary>
    /// The feature dimensions left once the family has reduced its event dimension: what log-densities, entropies and
    /// closed-form KLs sum over after their per-event formula (<see cref="Distribution.FeatureRank"/> for element-wise families).
    /// </summary>
    public int ReducedFeatureRank => FeatureRank - EventRank;

    /// <summary>How many trailing feature dimensions one log-density term covers (1 for simplex families), 0 for element-wise families.</summary>
    protected internal virtual int EventRank => 0;

    /// <summary>A draw of shape <c>sampleShape + parameter shape</c>, without gradient.</summary>
    public abstract Tensor SampleFrom(TParams p, params long[] sampleShape);

    /// <summary>A reparameterized draw of shape <c>sampleShape + parameter shape</c>; gradients flow to the parameters.</summary>
    public virtual Tensor RSampleFrom(TParams p, params long[] sampleShape) =>
        throw new NotSupportedException($"{Describe()} cannot draw reparameterized samples.");

    /// <summary>log-density of <paramref name="value"/> summed over feature dimensions.</summary>
    public virtual Tensor LogProbOf(TParams p, Tensor value, string variable) =>
        FeatureDims.Sum(CheckedElements(p, value, variable, () => LogProbElements(p, value)), ReducedFeatureRank);

    /// <summary>
    /// Computes an element-wise log-density and checks that the value's feature dimensions were not broadcast (batch and
    /// sample dimensions may broadcast either way). Two shape queries instead of comparing every parameter's shape up front; a
    /// broadcasting failure inside libtorch is reported the same way, naming the distribution, the variable and both shapes.
    /// </summary>
    protected Tensor CheckedElements(TParams p, Tensor value, string variable, Func<Tensor> compute)
    {
        Tensor elements;
        try
        {
            elements = compute();
        }
        catch (Exception e) when (e is not ArgumentException and not NotSupportedException)
        {
            CheckValue(variable, value, ValueShape(p));   // throws our message when shapes or dtypes are the cause
            throw;
        }
        var valueShape = value.Sizes();
        var elementShape = elements.Sizes();
        if (!FeaturesKept(valueShape, elementShape))
        {
            CheckValue(variable, value, ValueShape(p));
            throw new ArgumentException($"{Describe()}: variable '{variable}' has shape {Format(valueShape)}, whose feature dimensions the parameters' shape {Format(ValueShape(p))} would broadcast.", variable);
        }
        return elements;
    }

    // The value has its feature dimensions, and the element-wise result kept them (less the event dimension).
    private bool FeaturesKept(long[] valueShape, long[] elementShape)
    {
        if (valueShape.Length < FeatureRank) return false;
        var kept = ReducedFeatureRank;
        if (elementShape.Length < kept) return false;
        for (var i = 1; i <= kept; i++)
            if (elementShape[^i] != valueShape[^(i + EventRank)]) return false;
        return true;
    }

    /// <summary>The log-density per feature element (events of <see cref="EventRank"/> dimensions already reduced).</summary>
    protected abstract Tensor LogProbElements(TParams p, Tensor value);

    /// <summary>The mean given the parameters.</summary>
    public abstract Tensor MeanOf(TParams p);

    /// <summary>The variance given the parameters.</summary>
    public abstract Tensor VarianceOf(TParams p);

    /// <summary>The entropy summed over feature dimensions; families without a closed form throw.</summary>
    public virtual Tensor EntropyOf(TParams p) => FeatureDims.Sum(EntropyElements(p), ReducedFeatureRank);

    /// <summary>The entropy per element (events reduced); families without a closed form throw.</summary>
    protected virtual Tensor EntropyElements(TParams p) =>
        throw new NotSupportedException($"{Describe()} has no closed-form entropy; estimate it with a Monte Carlo entropy loss.");

    /// <summary>Values must be floating point unless a family says otherwise (a categorical over indices).</summary>
    protected virtual bool AcceptsDtype(ScalarType dtype) => is_floating_point(dtype);

    /// <summary>What <see cref="AcceptsDtype"/> accepts, for messages.</summary>
    protected virtual string ExpectedDtype => "a floating-point dtype";

    /// <summary>Checks dtype and shape of a value; messages name this distribution and the variable.</summary>
    protected void CheckValue(string variable, Tensor value, long[] expectedShape)
    {
        if (!AcceptsDtype(value.dtype))
            throw new ArgumentException($"{Describe()}: variable '{variable}' has dtype {value.dtype} but a {DistributionName} expects {ExpectedDtype}.", variable);
        CheckShape(variable, value.Sizes(), expectedShape);
    }

    /// <summary>An error about a parameter value, naming the distribution, the parameter and where it came from.</summary>
    protected Exception ParameterError(string parameter, string requirement)
    {
        var index = Array.IndexOf(parameterNames, parameter);
        var origin = sources is not null && index >= 0 && sources[index].Variable is { } v ? $" (from variable '{v}')" : "";
        return new ArgumentOutOfRangeException(parameter, $"{Describe()}: parameter '{parameter}'{origin} {requirement}.");
    }

    /// <summary>Every element positive and finite (not +Inf, not NaN); otherwise throws <see cref="ParameterError"/>.</summary>
    protected void RequirePositive(string parameter, Tensor value)
    {
        if (!value.gt(0).all().item<bool>()) throw ParameterError(parameter, $"must be positive everywhere{Found(value)}");
        if (!value.isfinite().all().item<bool>()) throw ParameterError(parameter, $"must be finite everywhere{Found(value)}");
    }

    /// <summary>Every element finite (no NaN, no infinity); otherwise throws <see cref="ParameterError"/>.</summary>
    protected void RequireFinite(string parameter, Tensor value)
    {
        if (!value.isfinite().all().item<bool>()) throw ParameterError(parameter, $"must be finite everywhere{Found(value)}");
    }

    // Names the offending kind of value, the first thing a user needs to find its source.
    private static string Found(Tensor value) =>
        value.isnan().any().item<bool>() ? " (found NaN)" : value.isinf().any().item<bool>() ? " (found infinity)" : " (found a value <= 0)";

    /// <summary>Every element in [0, 1]; otherwise throws <see cref="ParameterError"/>.</summary>
    protected void RequireProbability(string parameter, Tensor value)
    {
        if (!(value.ge(0).all().item<bool>() && value.le(1).all().item<bool>())) throw ParameterError(parameter, "must lie in [0, 1]");
    }

    /// <summary>Parameters for the dynamic API: resolved, and checked when <see cref="ValidateParameters"/> is on.</summary>
    /// <summary>
    /// The leading batch dimension generated loss code gives a draw from parameters <paramref name="p"/>: the
    /// <see cref="SamplingBatch"/> in force when the parameters have no batch dimension of their own, else none.
    /// </summary>
    public long[] AmbientBatchShape(TParams p) =>
        SamplingBatch.Current is { } batch && ValueShape(p).Length <= FeatureRank ? new[] { batch } : Array.Empty<long>();

    internal TParams ResolveParams(Variables inputs) => ResolveParams(inputs, ValidateParameters);

    /// <summary>The parameters at these inputs, checked when <paramref name="validate"/> (the typed path, like the generated Params, does not).</summary>
    internal TParams ResolveParams(Variables inputs, bool validate)
    {
        // One forward pass per distribution and input tensors within a loss evaluation (ForwardMemo); outside one, each call computes.
        var p = ForwardMemo.IsActive
            ? ForwardMemo.Get(this, CondVar.Where(inputs.ContainsKey).Select(v => inputs[v]).ToArray(), () => ParamsFor(inputs))
            : ParamsFor(inputs);
        if (validate) CheckParams(p);
        return p;
    }

    /// <inheritdoc/>
    protected internal override Variables Draw(Variables inputs, SampleRequest request)
    {
        var p = ResolveParams(inputs);
        var valueShape = ValueShape(p);
        // Parameters without batch dimensions (constants) draw batchN values (or the SamplingBatch in force); otherwise the inputs carry the batch.
        var batchPrefix = valueShape.Length <= FeatureRank ? new[] { request.BatchN ?? SamplingBatch.Current ?? 1 } : Array.Empty<long>();
        var shape = Shapes.Concat(request.SampleShape, batchPrefix);
        var value = request.Reparam ? RSampleFrom(p, shape) : SampleFrom(p, shape);
        return Variables.Of((Var[0], value));
    }

    /// <inheritdoc/>
    public override Tensor LogProb(Variables inputs, bool sumFeatures = true)
    {
        var value = Require(inputs, Var[0]);
        var p = ResolveParams(inputs);
        // The dynamic API checks dtype and shape up front; typed calls check shapes after computing (cheaper per call).
        CheckValue(Var[0], value, ValueShape(p));
        if (sumFeatures) return LogProbOf(p, value, Var[0]);
        return LogProbElements(p, value);
    }

    /// <inheritdoc/>
    public override Tensor Entropy(Variables inputs) => EntropyOf(ResolveParams(inputs));

    /// <inheritdoc/>
    public override Tensor SampleMean(Variables inputs) => MeanOf(ResolveParams(inputs));

    /// <inheritdoc/>
    public override Tensor SampleVariance(Variables inputs) => VarianceOf(ResolveParams(inputs));

    /// <inheritdoc/>
    public override Variables GetParams(Variables inputs)
    {
        var tensors = ParamTensors(ResolveParams(inputs));
        return new Variables(parameterNames.Zip(tensors, (n, t) => new KeyValuePair<string, Tensor>(n, t)));
    }

    /// <summary>Checks a constant parameter once, at construction.</summary>
    private void CheckConstant(string parameter, Tensor constant)
    {
        if (!is_floating_point(constant.dtype) && !is_integral(constant.dtype))
            throw new ArgumentException($"{GetType().Name}: constant '{parameter}' must be numeric.", parameter);
    }

    private static long[]? InferFeatures(ParamSource[]? sources, long[]? features, int extraParameterRank)
    {
        if (features is not null) return features;
        // Scalars broadcast to anything, so only non-scalar constants fix the shape of one draw.
        var shapes = sources?.Where(s => s.Constant is { } c && c.Dimensions > 0).Select(s => s.Constant!.Sizes()).ToArray();
        if (shapes is null || shapes.Length == 0) return null;
        var parameterShape = Shapes.Broadcast(shapes);
        return parameterShape[..^Math.Min(extraParameterRank, parameterShape.Length)];
    }
}
