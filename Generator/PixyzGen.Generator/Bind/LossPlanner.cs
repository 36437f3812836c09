using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using PixyzGen.Dsl;
using PixyzGen.Dsl.Checking;
using PixyzGen.Dsl.Syntax;
using PixyzGen.Generator.Model;

namespace PixyzGen.Generator.Bind;

/// <summary>
/// Turns a checked loss formula into C#: each network forward pass and each sample is hoisted into a local the first
/// time a term needs it and reused by every later term (compile-time common-subexpression elimination).
/// </summary>
internal sealed class LossPlanner
{
    private const string Torch = Emit.RuntimeNames.Torch;

    /// <summary>Longer sums and products are split into partial results, so no generated expression is too deep for csc.</summary>
    internal const int MaxOperandsPerExpression = 64;

    private readonly IReadOnlyList<MemberSpec> members;
    private readonly IReadOnlyList<MemberSignature> signatures;
    private readonly NameAllocator names;
    private readonly IReadOnlyDictionary<string, string> scalarTypes;
    private readonly Dictionary<string, string> parameterLocals = new();
    private readonly Dictionary<string, string> sampleLocals = new();

    // Which multi-sample draws (E_q^k with k > 1) a local depends on: such values carry the draws' leading dimensions.
    private readonly Dictionary<string, HashSet<string>> sampleDependencies = new();

    /// <summary>A planner for a loss method; <paramref name="scalarTypes"/> maps each hyper-parameter to its C# type.</summary>
    public LossPlanner(IReadOnlyList<MemberSpec> members, IReadOnlyList<MemberSignature> signatures, IEnumerable<string> methodParameters, IReadOnlyDictionary<string, string> scalarTypes)
        : this(members, signatures, new NameAllocator(methodParameters), scalarTypes)
    {
    }

    // A planner for the step of an iteration shares the names already taken, so its locals never shadow the body's.
    private LossPlanner(IReadOnlyList<MemberSpec> members, IReadOnlyList<MemberSignature> signatures, NameAllocator names, IReadOnlyDictionary<string, string> scalarTypes)
    {
        this.members = members;
        this.signatures = signatures;
        this.names = names;
        this.scalarTypes = scalarTypes;
    }

    /// <summary>A fresh local name (never a parameter, a keyword or an earlier local): the emitter's own locals come from here too.</summary>
    public string Local(string stem) => names.Unique(stem);

    /// <summary>The local holding the last draw of each variable (the carried state of an iteration).</summary>
    private readonly Dictionary<string, string> drawnLocals = new();

    public List<PlannedStatement> Statements { get; } = new();

    /// <summary>The C# expression of the whole loss; always a tensor.</summary>
    public string Plan(LossNode loss, IReadOnlyDictionary<string, string> variables)
    {
        var (code, isTensor, _) = Expression(loss, variables);
        return isTensor ? code : $"{Torch}.tensor({code})";
    }

    private (string Code, bool IsTensor, HashSet<string> Draws) Expression(LossNode node, IReadOnlyDictionary<string, string> variables)
    {
        switch (node)
        {
            case NumberNode number:
                return (Emit.CSharpText.Literal(number.Value), false, None());
            case HyperParameterNode hyper:
            {
                // Tensor-typed loss parameters are variables; scalar ones are hyper-parameters, computed in double.
                if (variables.TryGetValue(hyper.Name, out var tensor)) return (tensor, true, DependenciesOf(tensor));
                var name = Emit.CSharpText.Escape(hyper.Name);
                var isDouble = !scalarTypes.TryGetValue(hyper.Name, out var type) || type == "double";
                return (isDouble ? name : $"((double){name})", false, None());
            }
            case NegateNode negate:
            {
                var (code, isTensor, draws) = Expression(negate.Operand, variables);
                // Parenthesize a nested negation: "--x" would be C#'s decrement.
                return (code.StartsWith("-") ? $"-({code})" : $"-{code}", isTensor, draws);
            }
            case ChainNode chain:
                return Chain(chain, variables);
            case ReduceNode reduce:
            {
                var (code, isTensor, draws) = Expression(reduce.Operand, variables);
                var tensor = isTensor ? code : $"{Torch}.tensor({code})";
                return ($"{tensor}.{(reduce.Kind == Reduction.Mean ? "mean" : "sum")}()", true, None());
            }
            case LogProbNode log:
            {
                var member = Resolve(log.Distribution);
                var parameters = Parameters(member, variables);
                var value = variables[member.Variable];
                return (LogProbCall(member, parameters, value), true, Union(DependenciesOf(parameters), DependenciesOf(value)));
            }
            case EntropyNode entropy:
            {
                var member = Resolve(entropy.Distribution);
                var parameters = Parameters(member, variables);
                if (member.Family.HasEntropy) return ($"{member.Code}.EntropyOf({parameters})", true, DependenciesOf(parameters));
                // No closed form (relaxed families, Multinomial): -log p at one draw, shared with any E_ of the same member.
                var draw = Sample(member, variables, 1);
                return ($"-{LogProbCall(member, parameters, draw)}", true, DependenciesOf(draw));
            }
            case ExpectationNode expectation:
            {
                var member = Resolve(expectation.Distribution);
                var sample = Sample(member, variables, expectation.Samples);
                var inner = variables.ToDictionary(p => p.Key, p => p.Value);
                inner[member.Variable] = sample;
                var (code, isTensor, draws) = Expression(expectation.Body, inner);
                // With k draws the body carries them in its first dimension: the expectation is the mean over it.
                if (expectation.Samples > 1 && draws.Remove(sample)) code = $"{code}.mean(new long[] {{ 0 }})";
                return (code, isTensor, draws);
            }
            case KlNode kl:
            {
                var (code, draws) = Kl(Resolve(kl.Left), Resolve(kl.Right), variables);
                return (code, true, draws);
            }
            case IwaeNode iwae:
                return Iwae(iwae, variables);
            case MmdNode mmd:
                return Mmd(Resolve(mmd.Left), Resolve(mmd.Right), variables, mmd.InverseMultiquadric);
            case IterateNode iterate:
                return Iterate(iterate, variables);
            case AdversarialNode adversarial:
                return Adversarial(adversarial, variables);
            default:
                throw new System.InvalidOperationException($"Unplanned loss node {node.GetType().Name}");
        }
    }

    /// <summary>
    /// <c>a - b + c</c> or <c>a * b / c</c> as one parenthesized C# expression evaluated left to right, as the formula
    /// reads; past <see cref="MaxOperandsPerExpression"/> operands the running result becomes a local and the chain goes on
    /// from it, so code size stays linear and no expression nests deeper than csc can compile.
    /// </summary>
    private (string Code, bool IsTensor, HashSet<string> Draws) Chain(ChainNode chain, IReadOnlyDictionary<string, string> variables)
    {
        var first = Expression(chain.First, variables);
        var text = new System.Text.StringBuilder("(").Append(first.Code);
        var isTensor = first.IsTensor;
        var draws = first.Draws;
        var operands = 1;
        foreach (var link in chain.Links)
        {
            if (operands == MaxOperandsPerExpression)
            {
                var partial = Local(chain.IsSum ? "partialSum" : "partialProduct");
                Statements.Add(new PlannedStatement(partial, text.Append(')').ToString(), "the formula so far, left to right"));
                sampleDependencies[partial] = new HashSet<string>(draws);
                text.Clear().Append('(').Append(partial);
                operands = 1;
            }
            var operand = Expression(link.Operand, variables);
            var op = link.Operator switch
            {
                BinaryOperator.Add => " + ",
                BinaryOperator.Subtract => " - ",
                BinaryOperator.Multiply => " * ",
                _ => " / ",
            };
            text.Append(op).Append(operand.Code);
            isTensor |= operand.IsTensor;
            draws.UnionWith(operand.Draws);
            operands++;
        }
        return (text.Append(')').ToString(), isTensor, draws);
    }

    /// <summary>
    /// An adversarial objective: the prior drawn once per data row, the generator's draw from it (reparameterized when
    /// possible), the discriminator's value on the data and on the draw (detached for the discriminator's side).
    /// </summary>
    private (string Code, bool IsTensor, HashSet<string> Draws) Adversarial(AdversarialNode adversarial, IReadOnlyDictionary<string, string> variables)
    {
        var discriminator = Resolve(adversarial.Discriminator);
        var generator = Resolve(adversarial.Generator);
        var prior = Resolve(adversarial.Prior);
        var data = variables[generator.Variable];
        var latent = Local(prior.Variable + "Fake");
        Statements.Add(new PlannedStatement(latent, DrawCall(prior, Parameters(prior, variables), $"{data}.shape[0]"), $"{prior.Variable} ~ {prior.SignatureText}, one per row of {data}"));
        var inner = variables.ToDictionary(p => p.Key, p => p.Value);
        inner[prior.Variable] = latent;
        var fake = Sample(generator, inner, 1);
        var onReal = variables.ToDictionary(p => p.Key, p => p.Value);
        var onFake = variables.ToDictionary(p => p.Key, p => p.Value);
        onFake[generator.Variable] = adversarial.DiscriminatorSide ? $"{fake}.detach()" : fake;
        var scoreReal = Parameters(discriminator, onReal);
        var scoreFake = Parameters(discriminator, onFake);
        var objective = (adversarial.Wasserstein, adversarial.DiscriminatorSide) switch
        {
            (false, false) => "JsGenerator",
            (false, true) => "JsDiscriminator",
            (true, false) => "WassersteinGenerator",
            _ => "WassersteinCritic",
        };
        return ($"{Emit.RuntimeNames.Adversarial}.{objective}({scoreReal}, {scoreFake})", true, None());
    }

    /// <summary>
    /// <c>iterate(x | h = h_prev)[step]</c>: the step planned on its own with x as this step's slice and h_prev as the
    /// carried state, summed by <c>Iteration.Sum</c>; the step's draw of h carries to the next step.
    /// </summary>
    private (string Code, bool IsTensor, HashSet<string> Draws) Iterate(IterateNode iterate, IReadOnlyDictionary<string, string> variables)
    {
        var index = Local("t");
        var carried = Local("carried");
        var inner = variables.ToDictionary(p => p.Key, p => p.Value);
        var prelude = new List<string>();
        foreach (var series in iterate.Series)
        {
            var slice = Local(series.Name + "_t");
            prelude.Add($"var {slice} = {variables[series.Name]}[{index}];");
            inner[series.Name] = slice;
        }
        for (var i = 0; i < iterate.Carries.Count; i++)
        {
            var state = Local(iterate.Carries[i].To.Name + "_t");
            prelude.Add($"var {state} = {carried}[{i}];");
            inner[iterate.Carries[i].To.Name] = state;
        }
        var step = new LossPlanner(members, signatures, names, scalarTypes);
        var (value, isTensor, _) = step.Expression(iterate.Step, inner);
        var next = iterate.Carries.Select(c => step.drawnLocals[c.From.Name]).ToEquatableArray();
        var local = Local("steps");
        var iteration = new PlannedIteration(
            $"{variables[iterate.Series[0].Name]}.shape[0]",
            iterate.Carries.Select(c => variables[c.To.Name]).ToEquatableArray(),
            index, carried, prelude.ToEquatableArray(), step.Statements.ToEquatableArray(),
            isTensor ? value : $"{Torch}.tensor({value})", next);
        Statements.Add(new PlannedStatement(local, "", $"sum over the steps of {string.Join(", ", iterate.Series.Select(s => s.Name))}", iteration));
        return (local, true, None());
    }

    /// <summary>
    /// The squared MMD between a batch of draws of each side: the left draw is shared with other terms; the right one,
    /// when it has no inputs to carry a batch, draws as many values as the left has.
    /// </summary>
    private (string Code, bool IsTensor, HashSet<string> Draws) Mmd(MemberSpec left, MemberSpec right, IReadOnlyDictionary<string, string> variables, bool inverseMultiquadric)
    {
        var leftDraw = Sample(left, variables, 1);
        string rightDraw;
        if (right.CondVars.Count > 0 || right.Family.IsDeterministic)
        {
            rightDraw = Sample(right, variables, 1);
        }
        else
        {
            var parameters = Parameters(right, variables);
            rightDraw = Local(right.Variable + "Prior");
            Statements.Add(new PlannedStatement(rightDraw, DrawCall(right, parameters, $"{leftDraw}.shape[0]"), $"{right.Variable} ~ {right.SignatureText}, as many as {leftDraw}"));
        }
        var kernel = inverseMultiquadric ? $", {Emit.RuntimeNames.MmdKernel}.InverseMultiquadratic" : "";
        return ($"{Emit.RuntimeNames.Mmd}.Squared({leftDraw}, {rightDraw}{kernel})", true, None());
    }

    /// <summary>log (1/k) sum_k p(x, z_k) / q(z_k|x): k draws of the proposal, the joint as the sum of its factors' log-densities.</summary>
    private (string Code, bool IsTensor, HashSet<string> Draws) Iwae(IwaeNode iwae, IReadOnlyDictionary<string, string> variables)
    {
        var proposal = Resolve(iwae.Proposal);
        var proposalParameters = Parameters(proposal, variables);
        var draws = Sample(proposal, variables, iwae.K);
        var inner = variables.ToDictionary(p => p.Key, p => p.Value);
        inner[proposal.Variable] = draws;
        var factors = JointFactors.Resolve(iwae.Joint, signatures, out _)!.Select(i => members[i]).ToList();
        var terms = factors.Select(f => LogProbCall(f, Parameters(f, inner), inner[f.Variable]));
        var logWeights = $"({string.Join(" + ", terms)} - {LogProbCall(proposal, proposalParameters, draws)})";
        var dependencies = Union(DependenciesOf(draws), new HashSet<string>(factors.SelectMany(f => DependenciesOf(Parameters(f, inner)))));
        if (iwae.K == 1) return (logWeights, true, dependencies);
        dependencies.Remove(draws);
        return ($"({logWeights}.logsumexp(0) - {Emit.CSharpText.Literal(System.Math.Log(iwae.K))})", true, dependencies);
    }

    /// <summary>log p(value | parameters): the family's typed method, or the dynamic API for a flow (its "parameters" are its inputs).</summary>
    private static string LogProbCall(MemberSpec member, string parameters, string value) => member.Family.IsDynamic
        ? $"{member.Code}.LogProb({parameters}.With({Emit.CSharpText.Quote(member.Variable)}, {value}))"
        : $"{member.Code}.LogProbOf({parameters}, {value}, {Emit.CSharpText.Quote(member.Variable)})";

    /// <summary>A draw (reparameterized when the family allows), with <paramref name="leading"/> extra draws in front when given.</summary>
    private static string DrawCall(MemberSpec member, string parameters, string? leading)
    {
        if (member.Family.IsDynamic)
        {
            var shape = leading is null ? "" : $", sampleShape: new long[] {{ {leading} }}";
            return $"{member.Code}.Sample({parameters}{shape}, reparam: {(member.Family.HasReparam ? "true" : "false")}, returnAll: false)[{Emit.CSharpText.Quote(member.Variable)}]";
        }
        var method = member.Family.HasReparam ? "RSampleFrom" : "SampleFrom";
        // A draw with no inputs to carry a batch takes the SamplingBatch in force (none outside a scope), as the dynamic API does.
        var leadingShape = leading ?? (member.CondVars.Count == 0 ? $"{member.Code}.AmbientBatchShape({parameters})" : null);
        return $"{member.Code}.{method}({parameters}{(leadingShape is null ? "" : ", " + leadingShape)})";
    }

    private static HashSet<string> None() => new();

    private static HashSet<string> Union(HashSet<string> a, HashSet<string> b) => new(a.Concat(b));

    private HashSet<string> DependenciesOf(string local) => sampleDependencies.TryGetValue(local, out var draws) ? new HashSet<string>(draws) : None();

    private (string Code, HashSet<string> Draws) Kl(MemberSpec left, MemberSpec right, IReadOnlyDictionary<string, string> variables)
    {
        var leftParameters = Parameters(left, variables);
        var rightParameters = Parameters(right, variables);
        if (Emit.RuntimeNames.ClosedFormKl(left.Family.Name, right.Family.Name) is { } closedForm)
            return ($"{closedForm}({leftParameters}, {rightParameters}, {left.Code}.ReducedFeatureRank)", Union(DependenciesOf(leftParameters), DependenciesOf(rightParameters)));

        // Monte Carlo: log q(z) - log p(z) at one sample of q, shared with any E_q over the same inputs.
        var sample = Sample(left, variables, 1);
        return ($"({LogProbCall(left, leftParameters, sample)} - {LogProbCall(right, rightParameters, sample)})",
            Union(DependenciesOf(sample), DependenciesOf(rightParameters)));
    }

    private MemberSpec Resolve(DistributionRef reference) => members[MemberResolver.Resolve(reference, signatures, out _)];

    /// <summary>The local holding the member's parameters at these inputs: one forward pass per distinct input.</summary>
    private string Parameters(MemberSpec member, IReadOnlyDictionary<string, string> variables)
    {
        var inputs = member.CondVars.Select(v => variables[v]).ToList();
        var arguments = string.Join(", ", inputs);
        var key = $"{member.Name}({arguments})";
        if (parameterLocals.TryGetValue(key, out var local)) return local;
        local = Local(Camel(member.Name) + "Params");
        Statements.Add(new PlannedStatement(local, $"{member.Code}.Params({arguments})", $"{member.SignatureText}: parameters"));
        parameterLocals[key] = local;
        sampleDependencies[local] = new HashSet<string>(inputs.SelectMany(DependenciesOf));
        return local;
    }

    /// <summary>
    /// The local holding draws of the member's variable at these inputs, reparameterized when the family allows it:
    /// one draw, or <paramref name="count"/> draws stacked in a new first dimension.
    /// </summary>
    private string Sample(MemberSpec member, IReadOnlyDictionary<string, string> variables, int count)
    {
        var parameters = Parameters(member, variables);
        if (member.Family.IsDeterministic)
        {
            drawnLocals[member.Variable] = parameters;
            return parameters;   // the "parameters" are the value: one draw for any count
        }
        var key = $"{parameters}^{count}";
        if (sampleLocals.TryGetValue(key, out var local)) return local;
        local = Local(member.Variable);
        var comment = count > 1 ? $"{count} draws of {member.Variable} ~ {member.SignatureText}" : $"{member.Variable} ~ {member.SignatureText}";
        Statements.Add(new PlannedStatement(local, DrawCall(member, parameters, count > 1 ? count.ToString(CultureInfo.InvariantCulture) : null), comment));
        sampleLocals[key] = local;
        drawnLocals[member.Variable] = local;
        var draws = DependenciesOf(parameters);
        if (count > 1) draws.Add(local);
        sampleDependencies[local] = draws;
        return local;
    }

    private static string Camel(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name.Substring(1);

}
