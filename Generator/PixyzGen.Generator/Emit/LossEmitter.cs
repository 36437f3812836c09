using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using PixyzGen.Dsl;
using PixyzGen.Dsl.Syntax;
using PixyzGen.Generator.Model;

namespace PixyzGen.Generator.Emit;

/// <summary>
/// Spells a <c>[Loss]</c> method from its <see cref="LossPlan"/> as planned members: the dispose scope, one statement
/// per hoisted local, the result moved out of the scope. It names every local it declares (its own <c>scope</c> and <c>result</c> first,
/// then the plan's in creation order), apart from the method's parameters.
/// </summary>
internal static class LossEmitter
{
    private const string Tensor = RuntimeNames.Tensor;

    /// <summary>The loss's LaTeX constant (unless the user declared one of its name) and its implementation.</summary>
    public static IEnumerable<PlannedMember> Members(LossSpec loss, ExistingMembers existing)
    {
        var method = loss.Method;
        var formula = CSharpText.Xml(method.Formula ?? "null");
        var latexName = GeneratedNames.LossLatex(method.Shape.Name);
        if (loss.LatexText is { } latex && !existing.DeclaresName(latexName))
            yield return PlannedMember.Constant(latexName, $"The loss <c>{formula}</c> of <c>{CSharpText.Xml(method.Shape.Name)}</c> in LaTeX.", CSharpText.Quote(latex));
        // A documented declaration keeps its documentation: the compiler takes a partial method's from the implementation when it has one.
        var documentation = method.IsDocumented ? EquatableArray<string>.Empty : PlannedMember.Summary($"The loss <c>{formula}</c>.");
        yield return new PlannedMember(MemberKind.Implementation, method.Name, EquatableArray<string>.Empty, documentation, true, "", method.Declaration, Implementation(loss));
    }

    private static EquatableArray<string> Implementation(LossSpec loss)
    {
        var method = loss.Method;
        var w = new SourceWriter();
        w.Line("{").Indent();
        if (loss.Plan is not { } plan)
        {
            var error = loss.Error!;
            w.Line($"throw new {RuntimeNames.InvalidOperationException}({CSharpText.Quote($"[Loss] {method.Shape.Name} is invalid: {error.Id}: {error.Message}")});");
            w.Close();
            return w.Lines();
        }
        var names = new NameAllocator(method.Shape.Parameters.Select(p => p.Name));
        var scope = names.Unique("scope");
        var result = names.Unique("result");
        var forwardPasses = names.Unique("forwardPasses");
        var body = new Body(w, plan.Locals.Select(l => names.Unique(l.Stem)).ToArray());
        w.Line($"using {RuntimeNames.DisposeScope} {scope} = {RuntimeNames.Torch}.NewDisposeScope();");
        // Disposed before the scope: products of experts and the dynamic API reuse this body's forward passes.
        w.Line($"using {RuntimeNames.Disposable} {forwardPasses} = {RuntimeNames.ForwardMemo}.Begin();");
        body.Statements(plan.Statements);
        w.Line($"{Tensor} {result} = {body.Render(plan.Result)};");
        w.Line($"return {result}.MoveToOuterDisposeScope();");
        w.Close();
        return w.Lines();
    }

    /// <summary>One loss body: its locals' names (by <see cref="PlanLocal.Id"/>) and the writer.</summary>
    private sealed class Body(SourceWriter w, string[] localNames)
    {
        private string Name(PlanLocal local) => localNames[local.Id];

        public void Statements(IEnumerable<PlanStatement> statements)
        {
            foreach (var statement in statements)
            {
                switch (statement)
                {
                    case ParametersStatement parameters:
                        w.Line($"{RuntimeNames.ParamsType(parameters.Member.Family)} {Name(parameters.Local)} = {Code(parameters.Member)}.Params({string.Join(", ", parameters.Inputs.Select(Render))}); // {parameters.Member.SignatureText}: parameters");
                        break;
                    case DrawStatement { Drawn: { } drawn } draw:
                        // A flow keeps everything it drew: scoring its own draw needs the latent, not an inverse.
                        w.Line($"{RuntimeNames.Variables} {Name(drawn)} = {Draw(draw)}; // {DrawComment(draw)}, with the flow's latent");
                        w.Line($"{Tensor} {Name(draw.Local)} = {Name(drawn)}[{CSharpText.Quote(draw.Member.Variable)}];");
                        break;
                    case DrawStatement draw:
                        w.Line($"{Tensor} {Name(draw.Local)} = {Draw(draw)}; // {DrawComment(draw)}");
                        break;
                    case TemperatureStatement temperature:
                        w.Line($"using {RuntimeNames.Disposable} {Name(temperature.Local)} = {Code(temperature.Member)}.UseTemperature({Render(temperature.Value)}); // {temperature.Member.SignatureText} at this temperature for the call");
                        break;
                    case PartialResultStatement partial:
                        w.Line($"{(partial.IsTensor ? Tensor : "double")} {Name(partial.Local)} = {Render(partial.Value)}; // the formula so far, left to right");
                        break;
                    case IterationStatement iteration:
                        Iteration(iteration);
                        break;
                }
            }
        }

        /// <summary>The step as a lambda: this step's slices and carried state, its own hoisted locals, its value and next state.</summary>
        private void Iteration(IterationStatement iteration)
        {
            var index = Name(iteration.Index);
            var carried = Name(iteration.Carried);
            w.Line($"// sum over the steps of {string.Join(", ", iteration.SeriesNames)}");
            w.Open($"{Tensor} {Name(iteration.Local)} = {RuntimeNames.Iteration}.Sum({Render(iteration.Length)}.shape[0], new {Tensor}[] {{ {string.Join(", ", iteration.Initial.Select(Render))} }}, ({index}, {carried}) =>");
            foreach (var slice in iteration.Slices) w.Line($"{Tensor} {Name(slice.Local)} = {Render(slice.Series)}[{index}];");
            for (var i = 0; i < iteration.States.Count; i++) w.Line($"{Tensor} {Name(iteration.States[i])} = {carried}[{i}];");
            Statements(iteration.Body);
            w.Line($"return ({Render(iteration.Value)}, new {Tensor}[] {{ {string.Join(", ", iteration.Next.Select(Name))} }});");
            w.Close(");");
        }

        /// <summary>A draw (reparameterized when the family allows), with extra draws in front when the count says so.</summary>
        private string Draw(DrawStatement draw)
        {
            var member = draw.Member;
            var parameters = Name(draw.Parameters);
            var leading = draw.Count switch
            {
                StackedDraws stacked => stacked.Count.ToString(CultureInfo.InvariantCulture),
                StackedDrawsOf counted => CSharpText.Escape(counted.Parameter),
                OnePerRowOf rows => $"{Render(rows.Rows)}.shape[0]",
                _ => null,
            };
            if (member.Family.IsDynamic)
            {
                var shape = leading is null ? "" : $", sampleShape: new long[] {{ {leading} }}";
                var all = $"{Code(member)}.Sample({parameters}{shape}, reparam: {(member.Family.HasReparam ? "true" : "false")}, returnAll: false)";
                return draw.Drawn is null ? $"{all}[{CSharpText.Quote(member.Variable)}]" : all;
            }
            var method = member.Family.HasReparam ? "RSampleFrom" : "SampleFrom";
            // A draw with no inputs to carry a batch takes the SamplingBatch in force (none outside a scope), as the dynamic API does.
            var leadingShape = leading ?? (member.CondVars.Count == 0 ? $"{Code(member)}.AmbientBatchShape({parameters})" : null);
            return $"{Code(member)}.{method}({parameters}{(leadingShape is null ? "" : ", " + leadingShape)})";
        }

        private string DrawComment(DrawStatement draw)
        {
            var drawn = $"{draw.Member.Variable} ~ {draw.Member.SignatureText}";
            return draw.Count switch
            {
                StackedDraws stacked => $"{stacked.Count} draws of {drawn}",
                StackedDrawsOf counted => $"{counted.Parameter} draws of {drawn}",
                OnePerRowOf { MatchesDraw: true } rows => $"{drawn}, as many as {Render(rows.Rows)}",
                OnePerRowOf rows => $"{drawn}, one per row of {Render(rows.Rows)}",
                _ => drawn,
            };
        }

        public string Render(PlanExpression value) => value switch
        {
            PlanNumber number => CSharpText.Literal(number.Value),
            PlanHyperParameter hyper => hyper.ConvertToDouble ? $"((double){CSharpText.Escape(hyper.Name)})" : CSharpText.Escape(hyper.Name),
            PlanParameter parameter => CSharpText.Escape(parameter.Name),
            PlanLocalValue local => Name(local.Local),
            PlanNegate negate => Negate(Render(negate.Operand)),
            PlanChain chain => Chain(chain),
            PlanToTensor scalar => $"{RuntimeNames.Torch}.tensor({Render(scalar.Scalar)})",
            PlanReduce reduce => $"{Render(reduce.Tensor)}.{(reduce.Kind == Reduction.Mean ? "mean" : "sum")}()",
            PlanLogProb log => LogProb(log),
            PlanEntropy entropy => $"{Code(entropy.Member)}.EntropyOf({Name(entropy.Parameters)})",
            PlanMeanOverDraws mean => $"{Render(mean.Value)}.mean(new long[] {{ 0 }})",
            PlanLogMeanExp iwae => $"({Render(iwae.LogWeights)}.logsumexp(0) - {(iwae.CountParameter is { } k ? $"global::System.Math.Log({CSharpText.Escape(k)})" : CSharpText.Literal(System.Math.Log(iwae.Count)))})",
            PlanClosedFormKl kl => $"{RuntimeNames.Kl}.{kl.Method}({Name(kl.LeftParameters)}, {Name(kl.RightParameters)}, {Code(kl.Left)}.ReducedFeatureRank)",
            PlanMmd mmd => $"{RuntimeNames.Mmd}.Squared({Render(mmd.Left)}, {Render(mmd.Right)}{(mmd.InverseMultiquadric ? $", {RuntimeNames.MmdKernel}.InverseMultiquadratic" : "")}{(mmd.KernelWidth is { } width ? $", sigmaSquared: {Render(width)}" : "")})",
            PlanAdversarial adversarial => $"{RuntimeNames.Adversarial}.{adversarial.Objective}({Name(adversarial.OnReal)}, {Name(adversarial.OnFake)})",
            PlanDetach detached => $"{Render(detached.Value)}.detach()",
            _ => throw new System.InvalidOperationException($"Unrendered plan value {value.GetType().Name}"),
        };

        /// <summary>One parenthesized C# expression, left to right: the planner has already split chains csc could not nest.</summary>
        private string Chain(PlanChain chain)
        {
            var text = new System.Text.StringBuilder("(").Append(Render(chain.First));
            foreach (var link in chain.Links)
            {
                var op = link.Operator switch
                {
                    BinaryOperator.Add => " + ",
                    BinaryOperator.Subtract => " - ",
                    BinaryOperator.Multiply => " * ",
                    _ => " / ",
                };
                text.Append(op).Append(Render(link.Operand));
            }
            return text.Append(')').ToString();
        }

        private static string Code(MemberSpec member) => CSharpText.ThisMember(member.Name);

        // Parenthesize a nested negation: "--x" would be C#'s decrement.
        private static string Negate(string operand) => operand.StartsWith("-") ? $"-({operand})" : $"-{operand}";

        /// <summary>log p(value | parameters): the family's typed method, or the dynamic API for a flow (its "parameters" are its inputs).</summary>
        private string LogProb(PlanLogProb log)
        {
            var member = log.Member;
            var parameters = Name(log.Parameters);
            var value = Render(log.Value);
            if (log.Drawn is { } drawn) return $"{Code(member)}.LogProb({parameters}.Merge({Name(drawn)}))";
            return member.Family.IsDynamic
                ? $"{Code(member)}.LogProb({parameters}.With({CSharpText.Quote(member.Variable)}, {value}))"
                : $"{Code(member)}.LogProbOf({parameters}, {value}, {CSharpText.Quote(member.Variable)})";
        }
    }
}
