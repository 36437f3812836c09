using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using PixyzGen.Dsl.Syntax;

namespace PixyzGen.Dsl.Printing;

/// <summary>
/// LaTeX of signatures, factorizations and losses, in the Runtime's format (<c>Loss.ToLatex()</c>,
/// <c>Distribution.ToLatex()</c>), so generated constants and dynamic objects print alike.
/// </summary>
public static class LatexPrinter
{
    private static readonly HashSet<string> GreekLetters = new()
    {
        "alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa", "lambda", "mu", "nu",
        "xi", "pi", "rho", "sigma", "tau", "upsilon", "phi", "chi", "psi", "omega",
    };

    /// <summary><c>mu</c> as <c>\mu</c>, <c>x_1</c> as <c>x_{1}</c>.</summary>
    public static string Name(string name)
    {
        var split = name.IndexOf('_');
        if (split > 0 && split < name.Length - 1) return Name(name.Substring(0, split)) + "_{" + name.Substring(split + 1) + "}";
        return GreekLetters.Contains(name) ? "\\" + name : name;
    }

    public static string Signature(DistributionRef d)
    {
        var vars = string.Join(",", d.VarNames.Select(Name));
        return d.CondVars.Count == 0 ? $"{Name(d.Name)}({vars})" : $"{Name(d.Name)}({vars}|{string.Join(",", d.CondVarNames.Select(Name))})";
    }

    /// <summary><c>p(x,z) = p(x|z)p(z)</c>; a marginal integrates the other variables out, as the Runtime prints it.</summary>
    public static string Factorization(Factorization f)
    {
        var joint = Signature(f.Joint);
        if (f.Factors.Count == 0) return joint;
        var product = string.Concat(f.Factors.Select(Signature));
        var kept = new HashSet<string>(f.Joint.VarNames);
        var marginalized = f.Factors.SelectMany(x => x.VarNames).Distinct().Where(v => !kept.Contains(v)).ToList();
        return marginalized.Count == 0
            ? $"{joint} = {product}"
            : $"{joint} = {string.Concat(marginalized.Select(_ => "\\int "))}{product}{string.Concat(marginalized.Select(v => "d" + Name(v)))}";
    }

    public static string Loss(LossNode node) => Print(node).Text;

    // Precedence as the Runtime's losses: 0 sum, 1 product, 2 negation, 3 atom.
    private static (string Text, int Precedence) Print(LossNode node)
    {
        switch (node)
        {
            case NumberNode number:
                return (number.Value.ToString("R", CultureInfo.InvariantCulture), 3);
            case HyperParameterNode hyper:
                return (Name(hyper.Name), 3);
            case NegateNode negate:
                return ($"- {Wrap(negate.Operand, 2)}", 2);
            case ChainNode { Links.Count: 0 } single:
                return Print(single.First);
            case ChainNode { IsSum: true } sum:
            {
                // Left-associative: the first term as a sum's left operand, each later one as a right operand.
                var text = new StringBuilder(Wrap(sum.First, 0));
                foreach (var link in sum.Links)
                    text.Append(link.Operator == BinaryOperator.Add ? " + " : " - ").Append(Wrap(link.Operand, 1));
                return (text.ToString(), 0);
            }
            case ChainNode product:
            {
                // a / b * c / d is \frac{\frac{a}{b} c}{d}: one "\frac{" per division in front, closed where it divides.
                var divisions = product.Links.Count(l => l.Operator == BinaryOperator.Divide);
                var text = new StringBuilder();
                for (var i = 0; i < divisions; i++) text.Append("\\frac{");
                text.Append(product.Links[0].Operator == BinaryOperator.Divide ? Loss(product.First) : Wrap(product.First, 1));
                foreach (var link in product.Links)
                {
                    if (link.Operator == BinaryOperator.Divide) text.Append("}{").Append(Loss(link.Operand)).Append('}');
                    else text.Append(' ').Append(Wrap(link.Operand, 3));   // "72 - \log p" would read as a difference
                }
                return (text.ToString(), 1);
            }
            case ReduceNode reduce:
                return ($"{(reduce.Kind == Reduction.Mean ? "mean" : "sum")} \\left({Loss(reduce.Operand)} \\right)", 3);
            case LogProbNode log:
                return ($"\\log {Signature(log.Distribution)}", 3);
            case ExpectationNode expectation:
                return ($"\\mathbb{{E}}_{{{Signature(expectation.Distribution)}}} \\left[{Loss(expectation.Body)} \\right]", 3);
            case KlNode kl:
                return ($"D_{{KL}} \\left[{Signature(kl.Left)}||{Signature(kl.Right)} \\right]", 3);
            case AdversarialNode adversarial:
                var divergence = adversarial.Wasserstein ? "W" : "D_{JS}";
                var side = adversarial.DiscriminatorSide ? "_{D}" : "";
                return ($"{divergence}^{{Adv{side}}} \\left[p_{{data}}({string.Join(",", adversarial.Generator.VarNames.Select(Name))})||{Signature(adversarial.Generator)}{Signature(adversarial.Prior)} \\right]", 3);
            case IterateNode iterate:
                return ($"\\sum_{{t=1}}^{{T}} {Wrap(iterate.Step, 2)}", 1);
            case MmdNode mmd:
                return ($"D_{{MMD^2}} \\left[{Signature(mmd.Left)}||{Signature(mmd.Right)} \\right]", 3);
            case IwaeNode iwae:
                var latents = string.Join(",", iwae.Proposal.VarNames.Select(Name));
                var k = iwae.CountParameter is { } parameter ? Name(parameter.Name) : iwae.CountText;
                return ($"\\mathbb{{E}}_{{{latents}_{{1:{k}}} \\sim {Signature(iwae.Proposal)}}} \\left[\\log \\frac{{1}}{{{k}}} \\sum_{{k=1}}^{{{k}}} \\frac{{{Signature(iwae.Joint)}}}{{{Signature(iwae.Proposal)}}} \\right]", 3);
            case EntropyNode entropy:
                return ($"H \\left[ {Signature(entropy.Distribution)} \\right]", 3);
            default:
                return (node.GetType().Name, 3);
        }
    }

    private static string Wrap(LossNode node, int precedence)
    {
        var (text, own) = Print(node);
        return own >= precedence ? text : $"\\left({text}\\right)";
    }
}
