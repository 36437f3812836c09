using System.Collections.Generic;
using System.Linq;
using PixyzGen.Dsl;
using PixyzGen.Dsl.Checking;
using PixyzGen.Dsl.Syntax;
using PixyzGen.Generator.Model;

namespace PixyzGen.Generator.Bind;

/// <summary>
/// Turns a checked loss formula into a <see cref="LossPlan"/>: each network forward pass and each sample is hoisted
/// into a local the first time a term needs it and reused by every later term (compile-time common-subexpression
/// elimination). The plan names no C#: <c>Emit/LossEmitter</c> spells it.
/// </summary>
internal sealed class LossPlanner
{
    /// <summary>Longer sums and products are split into partial results, so no generated expression is too deep for csc.</summary>
    internal const int MaxOperandsPerExpression = 64;

    private readonly IReadOnlyList<MemberSpec> members;
    private readonly IReadOnlyList<MemberSignature> signatures;
    private readonly IReadOnlyDictionary<string, string> scalarTypes;
    private readonly List<PlanLocal> locals;
    private readonly List<PlanStatement> statements = new();
    private readonly Dictionary<(string Member, EquatableArray<PlanExpression> Inputs), PlanLocal> parameterLocals = new();
    private readonly Dictionary<(PlanLocal Parameters, int Count, string? CountParameter), PlanLocal> sampleLocals = new();

    // Which multi-sample draws (E_q^k with k > 1) a local depends on: such values carry the draws' leading dimensions.
    private readonly Dictionary<PlanLocal, HashSet<PlanLocal>> sampleDependencies = new();

    /// <summary>The local holding the last draw of each variable (the carried state of an iteration).</summary>
    private readonly Dictionary<string, PlanLocal> drawnLocals = new();

    // A flow's draws with everything they drew (the latent a planar flow needs to score its own draw), by the draw's local.
    private readonly Dictionary<PlanLocal, (string Member, PlanLocal Drawn)> flowDraws = new();

    /// <summary>A planner for a loss method; <paramref name="scalarTypes"/> maps each hyper-parameter to its C# type.</summary>
    public LossPlanner(IReadOnlyList<MemberSpec> members, IReadOnlyList<MemberSignature> signatures, IReadOnlyDictionary<string, string> scalarTypes)
        : this(members, signatures, scalarTypes, new List<PlanLocal>())
    {
    }

    // A planner for the step of an iteration numbers its locals with the body's, so no two locals share an identity.
    private LossPlanner(IReadOnlyList<MemberSpec> members, IReadOnlyList<MemberSignature> signatures, IReadOnlyDictionary<string, string> scalarTypes, List<PlanLocal> locals)
    {
        this.members = members;
        this.signatures = signatures;
        this.scalarTypes = scalarTypes;
        this.locals = locals;
    }

    /// <summary>The plan of the whole loss over the method's observed (tensor) parameters; its result is always a tensor.</summary>
    public LossPlan Plan(LossNode loss, IEnumerable<string> observed)
    {
        var variables = observed.ToDictionary(name => name, name => (PlanExpression)new PlanParameter(name));
        SetTemperatures(loss, variables);
        var (value, isTensor, _) = Expression(loss, variables);
        return new LossPlan(locals.ToEquatableArray(), statements.ToEquatableArray(), isTensor ? value : new PlanToTensor(value));
    }

    /// <summary>Temperatures set by <c>E_q(y|x, temperature = tau)</c> anywhere in the loss: first, for the whole call, once per member.</summary>
    private void SetTemperatures(LossNode loss, IReadOnlyDictionary<string, PlanExpression> variables)
    {
        var set = new HashSet<string>();
        foreach (var expectation in MemberChecker.Descendants(loss, _ => true).OfType<ExpectationNode>())
        {
            if (expectation.Temperature is not { } temperature) continue;
            foreach (var member in ResolveTerm(expectation.Distribution).Where(m => set.Add(m.Name)))
                statements.Add(new TemperatureStatement(NewLocal(member.Variable + "Temperature"), member, Expression(temperature, variables).Value));
        }
    }

    private PlanLocal NewLocal(string stem)
    {
        var local = new PlanLocal(locals.Count, stem);
        locals.Add(local);
        return local;
    }

    private (PlanExpression Value, bool IsTensor, HashSet<PlanLocal> Draws) Expression(LossNode node, IReadOnlyDictionary<string, PlanExpression> variables)
    {
        switch (node)
        {
            case NumberNode number:
                return (new PlanNumber(number.Value), false, None());
            case HyperParameterNode hyper:
            {
                // Tensor-typed loss parameters are variables; scalar ones are hyper-parameters, computed in double.
                if (variables.TryGetValue(hyper.Name, out var tensor)) return (tensor, true, DependenciesOf(tensor));
                var isDouble = !scalarTypes.TryGetValue(hyper.Name, out var type) || type == "double";
                return (new PlanHyperParameter(hyper.Name, !isDouble), false, None());
            }
            case NegateNode negate:
            {
                var (value, isTensor, draws) = Expression(negate.Operand, variables);
                return (new PlanNegate(value), isTensor, draws);
            }
            case ChainNode chain:
                return Chain(chain, variables);
            case ReduceNode reduce:
            {
                var (value, isTensor, _) = Expression(reduce.Operand, variables);
                return (new PlanReduce(isTensor ? value : new PlanToTensor(value), reduce.Kind), true, None());
            }
            case LogProbNode log:
            {
                var factors = ResolveTerm(log.Distribution);
                return (LogDensity(factors, variables, out var draws), true, draws);
            }
            case EntropyNode entropy:
                return Entropy(entropy, variables);
            case ExpectationNode expectation:
            {
                var (inner, stacked) = Draw(SamplingOrder(expectation.Distribution), variables, expectation.Samples, expectation.SampleCount?.Name);
                var (value, isTensor, draws) = Expression(expectation.Body, inner);
                // With k draws the body carries them in its first dimension: the expectation is the mean over it.
                var averaged = false;
                foreach (var local in stacked) averaged |= draws.Remove(local);
                return (averaged ? new PlanMeanOverDraws(value) : value, isTensor, draws);
            }
            case KlNode kl:
            {
                var (value, draws) = Kl(kl, variables);
                return (value, true, draws);
            }
            case IwaeNode iwae:
                return Iwae(iwae, variables);
            case MmdNode mmd:
                return Mmd(mmd, variables);
            case IterateNode iterate:
                return Iterate(iterate, variables);
            case AdversarialNode adversarial:
                return Adversarial(adversarial, variables);
            default:
                throw new System.InvalidOperationException($"Unplanned loss node {node.GetType().Name}");
        }
    }

    /// <summary>
    /// <c>a - b + c</c> or <c>a * b / c</c> evaluated left to right, as the formula reads; past
    /// <see cref="MaxOperandsPerExpression"/> operands the running result becomes a local and the chain goes on from it,
    /// so code size stays linear and no expression nests deeper than csc can compile.
    /// </summary>
    private (PlanExpression Value, bool IsTensor, HashSet<PlanLocal> Draws) Chain(ChainNode chain, IReadOnlyDictionary<string, PlanExpression> variables)
    {
        var (first, isTensor, draws) = Expression(chain.First, variables);
        var links = new List<PlanChainLink>();
        foreach (var link in chain.Links)
        {
            if (links.Count + 1 == MaxOperandsPerExpression)
            {
                var partial = NewLocal(chain.IsSum ? "partialSum" : "partialProduct");
                statements.Add(new PartialResultStatement(partial, new PlanChain(first, links.ToEquatableArray()), chain.IsSum, isTensor));
                sampleDependencies[partial] = new HashSet<PlanLocal>(draws);
                first = new PlanLocalValue(partial);
                links.Clear();
            }
            var operand = Expression(link.Operand, variables);
            links.Add(new PlanChainLink(link.Operator, operand.Value));
            isTensor |= operand.IsTensor;
            draws.UnionWith(operand.Draws);
        }
        return (new PlanChain(first, links.ToEquatableArray()), isTensor, draws);
    }

    /// <summary>
    /// An adversarial objective: the prior drawn once per data row, the generator's draw from it (reparameterized when
    /// possible), the discriminator's value on the data and on the draw (detached for the discriminator's side).
    /// </summary>
    private (PlanExpression Value, bool IsTensor, HashSet<PlanLocal> Draws) Adversarial(AdversarialNode adversarial, IReadOnlyDictionary<string, PlanExpression> variables)
    {
        var discriminator = Resolve(adversarial.Discriminator);
        var generator = Resolve(adversarial.Generator);
        var prior = Resolve(adversarial.Prior);
        var data = variables[generator.Variable];
        var latent = NewLocal(prior.Variable + "Fake");
        statements.Add(new DrawStatement(latent, prior, Parameters(prior, variables), new OnePerRowOf(data, MatchesDraw: false)));
        var fake = Sample(generator, With(variables, prior.Variable, new PlanLocalValue(latent)), 1);
        var scoreReal = Parameters(discriminator, variables);
        var scoreFake = Parameters(discriminator, With(variables, generator.Variable, adversarial.DiscriminatorSide ? new PlanDetach(fake) : fake));
        var objective = (adversarial.Wasserstein, adversarial.DiscriminatorSide) switch
        {
            (false, false) => AdversarialObjective.JsGenerator,
            (false, true) => AdversarialObjective.JsDiscriminator,
            (true, false) => AdversarialObjective.WassersteinGenerator,
            _ => AdversarialObjective.WassersteinCritic,
        };
        return (new PlanAdversarial(objective, scoreReal, scoreFake), true, None());
    }

    /// <summary>
    /// <c>iterate(x | h = h_prev)[step]</c>: the step planned on its own with x as this step's slice and h_prev as the
    /// carried state; the step's draw of h carries to the next step.
    /// </summary>
    private (PlanExpression Value, bool IsTensor, HashSet<PlanLocal> Draws) Iterate(IterateNode iterate, IReadOnlyDictionary<string, PlanExpression> variables)
    {
        var index = NewLocal("t");
        var carried = NewLocal("carried");
        var inner = variables.ToDictionary(p => p.Key, p => p.Value);
        var slices = new List<SeriesSlice>();
        foreach (var series in iterate.Series)
        {
            var slice = NewLocal(series.Name + "_t");
            slices.Add(new SeriesSlice(slice, variables[series.Name]));
            inner[series.Name] = new PlanLocalValue(slice);
        }
        var states = new List<PlanLocal>();
        foreach (var carry in iterate.Carries)
        {
            var state = NewLocal(carry.To.Name + "_t");
            states.Add(state);
            inner[carry.To.Name] = new PlanLocalValue(state);
        }
        var step = new LossPlanner(members, signatures, scalarTypes, locals);
        var (value, isTensor, _) = step.Expression(iterate.Step, inner);
        var next = iterate.Carries.Select(c => step.drawnLocals[c.From.Name]).ToEquatableArray();
        var local = NewLocal("steps");
        statements.Add(new IterationStatement(
            local, iterate.Series.Select(s => s.Name).ToEquatableArray(), variables[iterate.Series[0].Name],
            iterate.Carries.Select(c => variables[c.To.Name]).ToEquatableArray(), index, carried, slices.ToEquatableArray(),
            states.ToEquatableArray(), step.statements.ToEquatableArray(), isTensor ? value : new PlanToTensor(value), next));
        return (new PlanLocalValue(local), true, None());
    }

    /// <summary>
    /// The squared MMD between a batch of draws of each side: the left draw is shared with other terms; the right one,
    /// when it has no inputs to carry a batch, draws as many values as the left has.
    /// </summary>
    private (PlanExpression Value, bool IsTensor, HashSet<PlanLocal> Draws) Mmd(MmdNode mmd, IReadOnlyDictionary<string, PlanExpression> variables)
    {
        var (left, right) = (Resolve(mmd.Left), Resolve(mmd.Right));
        var leftDraw = Sample(left, variables, 1);
        PlanExpression rightDraw;
        if (right.CondVars.Count > 0 || right.Family.IsDeterministic)
        {
            rightDraw = Sample(right, variables, 1);
        }
        else
        {
            var parameters = Parameters(right, variables);
            var local = NewLocal(right.Variable + "Prior");
            statements.Add(new DrawStatement(local, right, parameters, new OnePerRowOf(leftDraw, MatchesDraw: true)));
            rightDraw = new PlanLocalValue(local);
        }
        var width = mmd.KernelWidth is { } node ? Expression(node, variables).Value : null;
        return (new PlanMmd(leftDraw, rightDraw, mmd.InverseMultiquadric, width), true, None());
    }

    /// <summary>
    /// log (1/k) sum_k p(x, z_k) / q(z_k|x): k draws of the proposal (a member, or a joint drawn factor by factor), the
    /// joint as the sum of its factors' log-densities.
    /// </summary>
    private (PlanExpression Value, bool IsTensor, HashSet<PlanLocal> Draws) Iwae(IwaeNode iwae, IReadOnlyDictionary<string, PlanExpression> variables)
    {
        var (inner, stacked) = Draw(SamplingOrder(iwae.Proposal), variables, iwae.K, iwae.CountParameter?.Name);
        var joint = JointFactors.Resolve(iwae.Joint, signatures, out _)!.Select(i => members[i]).ToList();
        var logJoint = LogDensity(joint, inner, out var jointDraws);
        var proposal = ResolveTerm(iwae.Proposal);
        var logProposal = proposal.Select(q => (PlanExpression)new PlanLogProb(q, Parameters(q, inner), inner[q.Variable])).ToList();
        var terms = logJoint is PlanChain { } sum && joint.Count > 1 ? sum : new PlanChain(logJoint, EquatableArray<PlanChainLink>.Empty);
        var logWeights = new PlanChain(terms.First, terms.Links.Concat(logProposal.Select(t => new PlanChainLink(BinaryOperator.Subtract, t))).ToEquatableArray());
        var dependencies = Union(jointDraws, new HashSet<PlanLocal>(proposal.SelectMany(q => DependenciesOf(Parameters(q, inner)).Concat(DependenciesOf(inner[q.Variable])))));
        if (iwae.K == 1 && iwae.CountParameter is null) return (logWeights, true, dependencies);
        foreach (var local in stacked) dependencies.Remove(local);
        return (new PlanLogMeanExp(logWeights, iwae.K, iwae.CountParameter?.Name), true, dependencies);
    }

    private (PlanExpression Value, HashSet<PlanLocal> Draws) Kl(KlNode kl, IReadOnlyDictionary<string, PlanExpression> variables)
    {
        var left = ResolveTerm(kl.Left);
        var right = ResolveTerm(kl.Right);
        if (left.Count == 1 && right.Count == 1)
        {
            var leftParameters = Parameters(left[0], variables);
            var rightParameters = Parameters(right[0], variables);
            if (KlClosedForms.Method(left[0].Family.Name, right[0].Family.Name) is { } method)
                return (new PlanClosedFormKl(method, left[0], leftParameters, rightParameters), Union(DependenciesOf(leftParameters), DependenciesOf(rightParameters)));
        }

        // Monte Carlo: log q - log p at one draw of q (a joint drawn factor by factor), shared with any E_q over the same inputs.
        var (inner, _) = Draw(SamplingOrder(kl.Left), variables, 1);
        var estimate = new PlanChain(LogDensity(left, inner, out var leftDraws),
            EquatableArray.Create(new PlanChainLink(BinaryOperator.Subtract, LogDensity(right, inner, out var rightDraws))));
        return (estimate, Union(leftDraws, rightDraws));
    }

    /// <summary>
    /// H[q]: the family's closed form; for a joint whose factors condition on nothing the joint draws, the sum of theirs;
    /// otherwise (relaxed families, Multinomial, dependent factors) -log q at one draw, shared with any E_ of it.
    /// </summary>
    private (PlanExpression Value, bool IsTensor, HashSet<PlanLocal> Draws) Entropy(EntropyNode entropy, IReadOnlyDictionary<string, PlanExpression> variables)
    {
        var factors = ResolveTerm(entropy.Distribution);
        var jointVariables = new HashSet<string>(factors.Select(f => f.Variable));
        if (factors.All(f => f.Family.HasEntropy && !f.CondVars.Any(jointVariables.Contains)))
        {
            var entropies = factors.Select(f => (PlanExpression)new PlanEntropy(f, Parameters(f, variables))).ToList();
            var dependencies = new HashSet<PlanLocal>(factors.SelectMany(f => DependenciesOf(Parameters(f, variables))));
            return (Sum(entropies), true, dependencies);
        }
        var (inner, _) = Draw(SamplingOrder(entropy.Distribution), variables, 1);
        return (new PlanNegate(LogDensity(factors, inner, out var draws)), true, draws);
    }

    /// <summary>log p of the variables' values: one member's, or the sum of a joint's factors' in the joint's order (as <c>*</c> sums them).</summary>
    private PlanExpression LogDensity(IReadOnlyList<MemberSpec> factors, IReadOnlyDictionary<string, PlanExpression> variables, out HashSet<PlanLocal> draws)
    {
        draws = None();
        var terms = new List<PlanExpression>();
        foreach (var factor in factors)
        {
            var parameters = Parameters(factor, variables);
            var value = variables[factor.Variable];
            var ownDraw = value is PlanLocalValue local && flowDraws.TryGetValue(local.Local, out var flow) && flow.Member == factor.Name ? flow.Drawn : null;
            terms.Add(new PlanLogProb(factor, parameters, value, ownDraw));
            draws.UnionWith(DependenciesOf(parameters));
            draws.UnionWith(DependenciesOf(value));
        }
        return Sum(terms);
    }

    private static PlanExpression Sum(IReadOnlyList<PlanExpression> terms) => terms.Count == 1
        ? terms[0]
        : new PlanChain(terms[0], terms.Skip(1).Select(t => new PlanChainLink(BinaryOperator.Add, t)).ToEquatableArray());

    /// <summary>
    /// Draws of a member or of a joint's factors in sampling order, each at the values drawn before it; with k draws, a
    /// factor fed by none of the joint's stacked draws is drawn k times (<paramref name="count"/>) and is returned as stacked.
    /// </summary>
    private (IReadOnlyDictionary<string, PlanExpression> Inner, List<PlanLocal> Stacked) Draw(
        IReadOnlyList<MemberSpec> factors, IReadOnlyDictionary<string, PlanExpression> variables, int count, string? countParameter = null)
    {
        var inner = variables.ToDictionary(p => p.Key, p => p.Value);
        var stacked = new List<PlanLocal>();
        // A count given at each call is always stacked (a leading dimension of 1 averages to the single draw).
        var stacks = count > 1 || countParameter is not null;
        foreach (var factor in factors)
        {
            var fedByStacked = DependenciesOf(Parameters(factor, inner)).Overlaps(stacked);
            var draw = fedByStacked ? Sample(factor, inner, 1) : Sample(factor, inner, count, countParameter);
            if (stacks && !fedByStacked && !factor.Family.IsDeterministic && draw is PlanLocalValue local) stacked.Add(local.Local);
            inner[factor.Variable] = draw;
        }
        return (inner, stacked);
    }

    /// <summary>The members a term's distribution stands for (one, or a joint's factors in the joint's order); the checker has accepted it.</summary>
    private IReadOnlyList<MemberSpec> ResolveTerm(DistributionRef reference) =>
        MemberResolver.ResolveTerm(reference, signatures, "", out _)!.Select(i => members[i]).ToList();

    /// <summary>The members of a term's distribution in sampling order (parents first).</summary>
    private IReadOnlyList<MemberSpec> SamplingOrder(DistributionRef reference)
    {
        var indices = MemberResolver.ResolveTerm(reference, signatures, "", out _)!;
        return JointFactors.SamplingOrder(reference, indices, signatures)!.Select(i => members[i]).ToList();
    }

    private MemberSpec Resolve(DistributionRef reference) => members[MemberResolver.Resolve(reference, signatures, out _)];

    /// <summary>The local holding the member's parameters at these inputs: one forward pass per distinct input.</summary>
    private PlanLocal Parameters(MemberSpec member, IReadOnlyDictionary<string, PlanExpression> variables)
    {
        var inputs = member.CondVars.Select(v => variables[v]).ToEquatableArray();
        var key = (member.Name, inputs);
        if (parameterLocals.TryGetValue(key, out var local)) return local;
        local = NewLocal(Camel(member.Name) + "Params");
        statements.Add(new ParametersStatement(local, member, inputs));
        parameterLocals[key] = local;
        sampleDependencies[local] = new HashSet<PlanLocal>(inputs.SelectMany(DependenciesOf));
        return local;
    }

    /// <summary>
    /// Draws of the member's variable at these inputs, reparameterized when the family allows it: one draw, or
    /// <paramref name="count"/> draws stacked in a new first dimension. A deterministic member's value is its parameters.
    /// </summary>
    private PlanExpression Sample(MemberSpec member, IReadOnlyDictionary<string, PlanExpression> variables, int count, string? countParameter = null)
    {
        var parameters = Parameters(member, variables);
        if (member.Family.IsDeterministic)
        {
            drawnLocals[member.Variable] = parameters;
            return new PlanLocalValue(parameters);   // the "parameters" are the value: one draw for any count
        }
        if (sampleLocals.TryGetValue((parameters, count, countParameter), out var local)) return new PlanLocalValue(local);
        var drawn = member.Family.IsDynamic ? NewLocal(member.Variable + "Drawn") : null;
        local = NewLocal(member.Variable);
        DrawCount drawCount = countParameter is not null ? new StackedDrawsOf(countParameter) : count > 1 ? new StackedDraws(count) : new OnePerInput();
        statements.Add(new DrawStatement(local, member, parameters, drawCount, drawn));
        if (drawn is not null) flowDraws[local] = (member.Name, drawn);
        sampleLocals[(parameters, count, countParameter)] = local;
        drawnLocals[member.Variable] = local;
        var draws = DependenciesOf(parameters);
        if (count > 1 || countParameter is not null) draws.Add(local);
        sampleDependencies[local] = draws;
        return new PlanLocalValue(local);
    }

    private static IReadOnlyDictionary<string, PlanExpression> With(IReadOnlyDictionary<string, PlanExpression> variables, string name, PlanExpression value)
    {
        var inner = variables.ToDictionary(p => p.Key, p => p.Value);
        inner[name] = value;
        return inner;
    }

    private static HashSet<PlanLocal> None() => new();

    private static HashSet<PlanLocal> Union(HashSet<PlanLocal> a, HashSet<PlanLocal> b) => new(a.Concat(b));

    private HashSet<PlanLocal> DependenciesOf(PlanLocal local) => sampleDependencies.TryGetValue(local, out var draws) ? new HashSet<PlanLocal>(draws) : None();

    private HashSet<PlanLocal> DependenciesOf(PlanExpression value) => value switch
    {
        PlanLocalValue local => DependenciesOf(local.Local),
        PlanDetach detached => DependenciesOf(detached.Value),
        _ => None(),
    };

    private static string Camel(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name.Substring(1);
}
