using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using PixyzGen;
using static TorchSharp.torch;

namespace PixyzGen.Tests.Shared;

/// <summary>
/// Every [Loss] formula of an assembly read at run time (<see cref="Loss.Parse(string, GenerativeModel)"/>, or over the
/// type's distribution members by signature when it is no model) and compared with its generated body on the same
/// seed and batch. Inputs come from the type's own members: each member whose conditions are known is sampled in turn
/// (priors first, then what they condition), so the batch has the shapes the networks take; scalars get fixed values.
/// </summary>
internal static class FormulaParity
{
    /// <summary>What became of one [Loss]: "equal", "refused: ..." (a term not built at run time), or "no inputs: ..." (a variable no member draws).</summary>
    public sealed record Outcome(string Method, string Formula, string Result)
    {
        public override string ToString() => $"{Method} [{Formula}]: {Result}";
    }

    /// <param name="observed">Stand-ins for data no member draws (MNIST-like images "x", one-hot labels "y"), by name and batch size; a stand-in the model does not take leaves the formula uncompared.</param>
    public static List<Outcome> Check(Assembly assembly, long batch = 5, long seed = 17, Func<string, long, Tensor?>? observed = null)
    {
        var outcomes = new List<Outcome>();
        foreach (var type in assembly.GetTypes().Where(t => !t.IsAbstract && !t.ContainsGenericParameters).OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            var methods = type.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Where(m => m.GetCustomAttribute<LossAttribute>() is not null).ToList();
            if (methods.Count == 0) continue;
            var instance = Construct(type);
            if (instance is null)
            {
                outcomes.AddRange(methods.Select(m => new Outcome(Name(m), Formula(m), "no inputs: the type has no constructor without arguments")));
                continue;
            }
            var members = Members(instance);
            foreach (var method in methods) outcomes.Add(Compare(instance, members, method, batch, seed, observed));
            (instance as IDisposable)?.Dispose();
        }
        return outcomes;
    }

    private static Outcome Compare(object instance, IReadOnlyList<Distribution> members, MethodInfo method, long batch, long seed, Func<string, long, Tensor?>? observed)
    {
        var formula = Formula(method);
        Loss parsed;
        try { parsed = instance is GenerativeModel model ? Loss.Parse(formula, model) : Loss.Parse(formula, members); }
        catch (NotSupportedException e) { return new Outcome(Name(method), formula, "refused: " + e.Message); }
        manual_seed(seed);
        var needed = method.GetParameters().Where(p => p.ParameterType == typeof(Tensor)).Select(p => p.Name!).ToList();
        var drawn = Draw(members, batch, needed, observed);
        var arguments = new List<object>();
        var inputs = Variables.Empty;   // what the generated body gets: its parameters, by name
        foreach (var parameter in method.GetParameters())
        {
            var name = parameter.Name!;
            if (parameter.ParameterType == typeof(Tensor))
            {
                if (!drawn.TryGetValue(name, out var value)) return new Outcome(Name(method), formula, $"no inputs: no member draws '{name}'");
                arguments.Add(value);
                inputs = inputs.With(name, value);
                continue;
            }
            // Scalars: a real weight, or a whole count for draws (E_q^k, IWAE_k).
            var number = parameter.ParameterType == typeof(int) || parameter.ParameterType == typeof(long) ? 3.0 : 0.7;
            arguments.Add(Convert.ChangeType(number, parameter.ParameterType, CultureInfo.InvariantCulture));
            inputs = inputs.With(name, parameter.ParameterType == typeof(int) || parameter.ParameterType == typeof(long) ? tensor(3L) : tensor(0.7));
        }
        manual_seed(seed + 1);
        Tensor generated;
        try { generated = (Tensor)method.Invoke(instance, arguments.ToArray())!; }
        catch (TargetInvocationException e) { return new Outcome(Name(method), formula, $"no inputs: the stand-ins do not fit the model ({e.InnerException?.Message})"); }
        manual_seed(seed + 1);
        Tensor dynamic;
        try { dynamic = parsed.Eval(inputs); }
        catch (Exception e) when (e is not AssertionException) { return new Outcome(Name(method), formula, $"differs: the parsed loss throws {e.GetType().Name}: {e.Message}"); }
        if (!generated.shape.SequenceEqual(dynamic.shape))
            return new Outcome(Name(method), formula, $"differs: shapes [{string.Join(", ", generated.shape)}] and [{string.Join(", ", dynamic.shape)}]");
        return generated.to(ScalarType.Float64).allclose(dynamic.to(ScalarType.Float64), rtol: 1e-5, atol: 1e-5)
            ? new Outcome(Name(method), formula, "equal")
            : new Outcome(Name(method), formula, $"differs: generated {generated.to(ScalarType.Float64).sum().item<double>():R}, parsed {dynamic.to(ScalarType.Float64).sum().item<double>():R}");
    }

    // Samples members whose conditions are known until none is left to sample: priors, then what they condition. When
    // that stops short of a needed variable, a stand-in for it (observed data) lets it go on.
    private static Dictionary<string, Tensor> Draw(IReadOnlyList<Distribution> members, long batch, IReadOnlyList<string> needed, Func<string, long, Tensor?>? observed)
    {
        var known = new Dictionary<string, Tensor>();
        var pending = members.ToList();
        for (var progress = true; progress;)
        {
            progress = false;
            if (observed is not null && !Sampled(pending, known) && needed.FirstOrDefault(n => !known.ContainsKey(n)) is { } missing && observed(missing, batch) is { } standIn)
            {
                known[missing] = standIn;
                progress = true;
            }
            foreach (var member in pending.ToList())
            {
                if (!member.CondVar.All(known.ContainsKey)) continue;
                pending.Remove(member);
                if (member.Var.All(known.ContainsKey)) continue;
                try
                {
                    var given = new Variables(known.Where(k => member.CondVar.Contains(k.Key)));
                    var sample = member.CondVar.Count == 0 ? member.Sample(batchN: batch) : member.Sample(given);
                    foreach (var name in member.Var) known.TryAdd(name, sample[name].detach());
                    progress = true;
                }
                catch (Exception e) when (e is ArgumentException or InvalidOperationException or KeyNotFoundException or NotSupportedException or System.Runtime.InteropServices.ExternalException)
                {
                    // A member that cannot draw from these inputs (its network wants other shapes) leaves its variables to others.
                }
            }
        }
        return known;
    }

    // Whether any pending member can draw now.
    private static bool Sampled(IEnumerable<Distribution> pending, Dictionary<string, Tensor> known) =>
        pending.Any(member => member.CondVar.All(known.ContainsKey) && !member.Var.All(known.ContainsKey));

    private static object? Construct(Type type)
    {
        var constructor = type.GetConstructors().Where(c => c.GetParameters().All(p => p.IsOptional)).OrderBy(c => c.GetParameters().Length).FirstOrDefault();
        return constructor?.Invoke(constructor.GetParameters().Select(_ => Type.Missing).ToArray());
    }

    private static List<Distribution> Members(object instance) =>
        instance.GetType().GetProperties(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)
            .Where(p => typeof(Distribution).IsAssignableFrom(p.PropertyType) && p.GetIndexParameters().Length == 0
                && p.DeclaringType!.Assembly != typeof(Distribution).Assembly)   // the user's members, not GenerativeModel.Joint
            .Select(p => (Distribution?)p.GetValue(instance))
            .Concat(instance.GetType().GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)
                .Where(f => typeof(Distribution).IsAssignableFrom(f.FieldType) && !f.Name.Contains('<') && f.DeclaringType!.Assembly != typeof(Distribution).Assembly)
                .Select(f => (Distribution?)f.GetValue(instance)))
            .OfType<Distribution>().Distinct().ToList();

    private static string Formula(MethodInfo method) => method.GetCustomAttribute<LossAttribute>()!.Formula;

    private static string Name(MethodInfo method) => $"{method.DeclaringType!.Name}.{method.Name}";
}
