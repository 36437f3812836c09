using System;
using System.Collections.Generic;
using System.Linq;

namespace PixyzGen;

/// <summary>The name and variables of a distribution: <c>q(z|x)</c> is name q, variables [z], conditioning [x].</summary>
public sealed record DistributionSignature(string Name, IReadOnlyList<string> Var, IReadOnlyList<string> CondVar)
{
    /// <summary>A checked signature: non-empty variables, no name twice, no variable on both sides; <paramref name="owner"/> names the class in messages.</summary>
    public static DistributionSignature Create(string name, IReadOnlyList<string> var, IReadOnlyList<string> condVar, string owner)
    {
        CheckName(name, owner);
        if (var.Count == 0) throw new ArgumentException($"{owner}: a distribution needs at least one variable.", nameof(var));
        foreach (var variable in var.Concat(condVar))
        {
            if (string.IsNullOrWhiteSpace(variable)) throw new ArgumentException($"{owner}: variable names must not be empty.", nameof(var));
        }
        var repeated = var.Concat(condVar).GroupBy(v => v).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null)
        {
            var both = var.Contains(repeated.Key) && condVar.Contains(repeated.Key);
            throw new ArgumentException(both
                ? $"{owner}: variable '{repeated.Key}' is both generated and conditioned on in {Text(name, var, condVar)}."
                : $"{owner}: variable '{repeated.Key}' is listed twice in {Text(name, var, condVar)}.", nameof(var));
        }
        return new DistributionSignature(name, var.ToArray(), condVar.ToArray());
    }

    internal static string CheckName(string name, string owner) =>
        string.IsNullOrWhiteSpace(name) || name.Any(c => c is '(' or ')' or '|' or ',')
            ? throw new ArgumentException($"{owner}: '{name}' is not a distribution name.", nameof(name))
            : name;

    /// <summary>Pixyz's <c>prob_text</c>: <c>p(x|z)</c>.</summary>
    public override string ToString() => Text(Name, Var, CondVar);

    /// <summary>The LaTeX form, names typeset as Pixyz does: <c>p_prior(z|mu)</c> is <c>p_{prior}(z|\mu)</c>.</summary>
    public string ToLatex() => Text(Latex.Symbol(Name), Var.Select(Latex.Symbol), CondVar.Select(Latex.Symbol));

    private static string Text(string name, IEnumerable<string> var, IEnumerable<string> condVar)
    {
        var conditions = string.Join(",", condVar);
        return conditions.Length == 0 ? $"{name}({string.Join(",", var)})" : $"{name}({string.Join(",", var)}|{conditions})";
    }

    /// <summary>Signatures are equal when names and variable lists are.</summary>
    public bool Equals(DistributionSignature? other) =>
        other is not null && Name == other.Name && Var.SequenceEqual(other.Var) && CondVar.SequenceEqual(other.CondVar);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Name, string.Join(",", Var), string.Join(",", CondVar));
}
