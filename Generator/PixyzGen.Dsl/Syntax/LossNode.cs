using System;
using System.Collections.Generic;
using System.Linq;
using PixyzGen.Dsl.Text;

namespace PixyzGen.Dsl.Syntax;

/// <summary>
/// A node of a loss formula. Records compare structurally, so parsed losses cache in the generator. Sums and products
/// are flat chains (<see cref="ChainNode"/>), so a tree is never deeper than the parser's nesting limit and no walk
/// recurses once per term.
/// </summary>
public abstract record LossNode(TextRange Range)
{
    /// <summary>The loss sub-formulas directly below this node (not the distributions it names).</summary>
    public virtual IEnumerable<LossNode> Children => Array.Empty<LossNode>();
}

public sealed record NumberNode(double Value, TextRange Range) : LossNode(Range);

/// <summary>A scalar hyper-parameter: a parameter of the loss method, such as <c>beta</c>.</summary>
public sealed record HyperParameterNode(string Name, TextRange Range) : LossNode(Range);

public sealed record NegateNode(LossNode Operand, TextRange Range) : LossNode(Range)
{
    public override IEnumerable<LossNode> Children => new[] { Operand };
}

public enum BinaryOperator
{
    Add,
    Subtract,
    Multiply,
    Divide,
}

/// <summary>One operator and its right operand in a <see cref="ChainNode"/>: <c>- b</c> of <c>a - b</c>.</summary>
public sealed record ChainLink(BinaryOperator Operator, LossNode Operand);

/// <summary>
/// A left-associative chain of one precedence level: <c>a - b + c</c> (Add/Subtract links) or <c>a * b / c</c>
/// (Multiply/Divide links), evaluated left to right. Flat, so a sum of 100,000 terms is one node.
/// </summary>
public sealed record ChainNode(LossNode First, EquatableArray<ChainLink> Links, TextRange Range) : LossNode(Range)
{
    /// <summary>A sum or difference chain (else a product or quotient chain).</summary>
    public bool IsSum => Links.Count > 0 && Links[0].Operator is BinaryOperator.Add or BinaryOperator.Subtract;

    public override IEnumerable<LossNode> Children => new[] { First }.Concat(Links.Select(l => l.Operand));
}

/// <summary><c>log p(x|z)</c>.</summary>
public sealed record LogProbNode(DistributionRef Distribution, TextRange Range) : LossNode(Range);

/// <summary>
/// <c>E_q(z|x)[body]</c>: the body evaluated at a (reparameterized) sample of the distribution's variables;
/// <c>E_q(z|x)^5[body]</c> averages it over <see cref="Samples"/> draws.
/// </summary>
/// <remarks>
/// <c>E_q(y|x, temperature = tau)[...]</c> sets a relaxed family's temperature for the whole call (<see cref="Temperature"/>:
/// a number or a scalar parameter).
/// </remarks>
public sealed record ExpectationNode(DistributionRef Distribution, LossNode Body, TextRange Range, int Samples = 1, HyperParameterNode? SampleCount = null, LossNode? Temperature = null) : LossNode(Range)
{
    /// <summary>
    /// <c>E_q(z|x)^k[...]</c> with <c>k</c> an <c>int</c> or <c>long</c> parameter of the loss method: the number of draws
    /// is given at each call (then <see cref="Samples"/> is unused).
    /// </summary>
    public override IEnumerable<LossNode> Children => new LossNode?[] { Body, SampleCount, Temperature as HyperParameterNode }.Where(n => n is not null).Select(n => n!);
}

/// <summary><c>KL(q(z|x) || p(z))</c>.</summary>
public sealed record KlNode(DistributionRef Left, DistributionRef Right, TextRange Range) : LossNode(Range);

/// <summary>
/// <c>IWAE_k(p(x,z) || q(z|x))</c>: the importance-weighted bound log (1/k) sum_k p(x, z_k) / q(z_k|x), z_k ~ q(z|x).
/// The joint is the product of the members that generate its variables. <c>IWAE_k(...)</c> with <c>k</c> an <c>int</c> or
/// <c>long</c> parameter of the loss method (<see cref="CountParameter"/>) takes the count at each call.
/// </summary>
public sealed record IwaeNode(DistributionRef Joint, DistributionRef Proposal, int K, TextRange Range, HyperParameterNode? CountParameter = null) : LossNode(Range)
{
    /// <summary>The count as written: the number, or the parameter's name.</summary>
    public string CountText => CountParameter?.Name ?? K.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public override IEnumerable<LossNode> Children => CountParameter is null ? System.Array.Empty<LossNode>() : new LossNode[] { CountParameter };
}

/// <summary>
/// <c>MMD(q(z|x) || p(z))</c>: the squared maximum mean discrepancy between a batch of draws of each side, a scalar
/// (InfoVAE, WAE); Gaussian kernel, or the inverse multiquadric with <c>MMD_imq(...)</c>.
/// </summary>
/// <summary>
/// <c>MMD(q(z|x) || p(z))</c>, <c>MMD_imq(...)</c>; <see cref="KernelWidth"/> is sigma² when written
/// (<c>, sigma2 = 32</c>: a <see cref="NumberNode"/> or a scalar <see cref="HyperParameterNode"/>), else 2.
/// </summary>
public sealed record MmdNode(DistributionRef Left, DistributionRef Right, TextRange Range, bool InverseMultiquadric = false, LossNode? KernelWidth = null) : LossNode(Range)
{
    public override IEnumerable<LossNode> Children => KernelWidth is null ? Array.Empty<LossNode>() : new[] { KernelWidth };
}

/// <summary><c>h = h_prev</c> in an iteration: after each step, the drawn <see cref="From"/> becomes <see cref="To"/>.</summary>
public sealed record CarryRef(VariableRef From, VariableRef To);

/// <summary>
/// <c>iterate(x | h = h_prev)[step]</c>: the step summed over time. Each series variable is sliced along its first
/// dimension per step; each carried variable starts from the loss parameter <c>To</c> and takes the step's draw of
/// <c>From</c> for the next step (Pixyz's <c>IterativeLoss</c>, for DMM and VRNN-style models).
/// </summary>
public sealed record IterateNode(EquatableArray<VariableRef> Series, EquatableArray<CarryRef> Carries, LossNode Step, TextRange Range) : LossNode(Range)
{
    public override IEnumerable<LossNode> Children => new[] { Step };
}

/// <summary>
/// An adversarial objective between the observed data and a generator: <c>ADV_JS[d(t|x)](p(x|z) || p(z))</c> draws as
/// many z from the prior as there are data rows, x from the generator, and scores both with the (deterministic)
/// discriminator. <c>ADV_JS</c> / <c>ADV_W</c> are the generator's objectives (JS, Wasserstein); <c>ADV_JS_D</c> /
/// <c>ADV_W_D</c> the discriminator's (on detached fakes), to minimize with its own optimizer.
/// </summary>
public sealed record AdversarialNode(bool Wasserstein, bool DiscriminatorSide, DistributionRef Discriminator, DistributionRef Generator, DistributionRef Prior, TextRange Range) : LossNode(Range);

/// <summary><c>H[q(z|x)]</c>: entropy.</summary>
public sealed record EntropyNode(DistributionRef Distribution, TextRange Range) : LossNode(Range);

public enum Reduction
{
    Mean,
    Sum,
}

/// <summary><c>mean(...)</c> or <c>sum(...)</c> over the batch.</summary>
public sealed record ReduceNode(Reduction Kind, LossNode Operand, TextRange Range) : LossNode(Range)
{
    public override IEnumerable<LossNode> Children => new[] { Operand };
}
