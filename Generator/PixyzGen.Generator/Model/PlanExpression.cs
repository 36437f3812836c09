using PixyzGen.Dsl;
using PixyzGen.Dsl.Syntax;

namespace PixyzGen.Generator.Model;

/// <summary>A value of a planned loss body; <c>Emit/LossEmitter</c> spells it in C#.</summary>
internal abstract record PlanExpression;

/// <summary>A number written in the formula.</summary>
internal sealed record PlanNumber(double Value) : PlanExpression;

/// <summary>A scalar hyper-parameter of the loss method; an <c>int</c>, <c>long</c> or <c>float</c> one is computed in double.</summary>
internal sealed record PlanHyperParameter(string Name, bool ConvertToDouble) : PlanExpression;

/// <summary>A tensor parameter of the loss method: an observed variable.</summary>
internal sealed record PlanParameter(string Name) : PlanExpression;

/// <summary>The value of a local computed by an earlier statement.</summary>
internal sealed record PlanLocalValue(PlanLocal Local) : PlanExpression;

internal sealed record PlanNegate(PlanExpression Operand) : PlanExpression;

/// <summary><c>a - b + c</c> or <c>a * b / c</c>, evaluated left to right as the formula reads.</summary>
internal sealed record PlanChain(PlanExpression First, EquatableArray<PlanChainLink> Links) : PlanExpression;

internal sealed record PlanChainLink(BinaryOperator Operator, PlanExpression Operand);

/// <summary>A scalar (numbers and hyper-parameters only) made a tensor, where the result must be one.</summary>
internal sealed record PlanToTensor(PlanExpression Scalar) : PlanExpression;

/// <summary><c>mean(...)</c> or <c>sum(...)</c> over every element of a tensor.</summary>
internal sealed record PlanReduce(PlanExpression Tensor, Reduction Kind) : PlanExpression;

/// <summary>log p(value | parameters) of a member; for a flow scoring its own draw, <paramref name="Drawn"/> holds that draw's variables (its latent too).</summary>
internal sealed record PlanLogProb(MemberSpec Member, PlanLocal Parameters, PlanExpression Value, PlanLocal? Drawn = null) : PlanExpression;

/// <summary>The closed-form entropy of a member at its parameters.</summary>
internal sealed record PlanEntropy(MemberSpec Member, PlanLocal Parameters) : PlanExpression;

/// <summary>The mean over the first dimension, where k stacked draws carry an expectation's body.</summary>
internal sealed record PlanMeanOverDraws(PlanExpression Value) : PlanExpression;

/// <summary><c>log (1/k) sum_k exp(w_k)</c> over the first dimension, where <paramref name="Count"/> draws are stacked.</summary>
internal sealed record PlanLogMeanExp(PlanExpression LogWeights, int Count, string? CountParameter = null) : PlanExpression;

/// <summary>A KL divergence in closed form: the Runtime's <paramref name="Method"/> on both members' parameters.</summary>
internal sealed record PlanClosedFormKl(string Method, MemberSpec Left, PlanLocal LeftParameters, PlanLocal RightParameters) : PlanExpression;

/// <summary>The squared maximum mean discrepancy between two batches of draws; <paramref name="KernelWidth"/> null for the default sigma².</summary>
internal sealed record PlanMmd(PlanExpression Left, PlanExpression Right, bool InverseMultiquadric, PlanExpression? KernelWidth = null) : PlanExpression;

internal enum AdversarialObjective
{
    JsGenerator,
    JsDiscriminator,
    WassersteinGenerator,
    WassersteinCritic,
}

/// <summary>An adversarial objective from the discriminator's value on the data and on the generated draw.</summary>
internal sealed record PlanAdversarial(AdversarialObjective Objective, PlanLocal OnReal, PlanLocal OnFake) : PlanExpression;

/// <summary>A value cut from the gradient graph: the discriminator's view of a generated draw on its own side.</summary>
internal sealed record PlanDetach(PlanExpression Value) : PlanExpression;
