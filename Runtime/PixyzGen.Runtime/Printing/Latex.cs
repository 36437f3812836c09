using System.Collections.Generic;
using System.Linq;

namespace PixyzGen;

/// <summary>LaTeX rendering of variable names, shared by distributions, losses and models.</summary>
public static class Latex
{
    private static readonly HashSet<string> Greek = new()
    {
        "alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa", "lambda", "mu", "nu",
        "xi", "pi", "rho", "sigma", "tau", "upsilon", "phi", "chi", "psi", "omega",
    };

    /// <summary><c>mu</c> becomes <c>\mu</c>; <c>x_1</c> becomes <c>x_{1}</c>; other names stay.</summary>
    public static string Symbol(string name)
    {
        var underscore = name.IndexOf('_');
        if (underscore > 0 && underscore < name.Length - 1)
            return $"{Symbol(name[..underscore])}_{{{name[(underscore + 1)..]}}}";
        return Greek.Contains(name) ? "\\" + name : name;
    }

    /// <summary>A comma-separated list of symbols.</summary>
    public static string Symbols(IEnumerable<string> names) => string.Join(",", names.Select(Symbol));
}
