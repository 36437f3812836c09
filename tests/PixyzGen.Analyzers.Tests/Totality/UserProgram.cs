using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace PixyzGen.Analyzers.Tests.Totality;

/// <summary>
/// A [Distribution] class of a generated program: its C# name, signature text, family and Forward; or, with
/// <see cref="LibraryBase"/>, a Normal deriving from a base of another assembly whose Forward(Tensor x) it inherits
/// (<see cref="LibraryOfBases.ForwardBases"/>, each with its own accessibility).
/// </summary>
public sealed record DistributionClass(string TypeName, string Signature, string Family, bool Constant, string[] ForwardParameters, string? LibraryBase = null,
    OverloadPlace Overload = OverloadPlace.None);

/// <summary>
/// Where a distribution declares a second Forward that the generated call cannot bind to (five Tensors): none, before
/// its own Forward or after it. Which overload C# binds the call to is the compiler's choice, whatever the order.
/// </summary>
public enum OverloadPlace { None, Before, After }

/// <summary>
/// A model member: its name, the index of its distribution class, whether it is a field, the user's own choices on
/// it that generated code must not report again (<c>[Obsolete]</c>, <c>[Experimental]</c>, a nullable type), and a
/// property's accessors: <c>get</c>, <c>init</c> (get and init) or <c>set</c> (write-only, so no member the model can read).
/// </summary>
public sealed record ModelMemberDecl(string Name, int Distribution, bool IsField, bool Obsolete = false, bool Experimental = false, bool Nullable = false, string Accessors = "get")
{
    /// <summary>Whether generated code can read it: a write-only property is not a distribution member.</summary>
    public bool Readable => IsField || Accessors != "set";
}

/// <summary>A [Loss] parameter: its name, its C# type as written and as the hosts display it, and its modifier.</summary>
public sealed record LossParameterDecl(string Name, string Type, string Display, string Modifier);

/// <summary>A [Loss] method: its name, formula, parameters, and C# modifiers that make it invalid.</summary>
public sealed record LossDecl(string Name, string Formula, LossParameterDecl[] Parameters, bool IsStatic, bool IsGeneric);

/// <summary>
/// One user program the C# compiler accepts (but for the members PixyzGen writes): distribution classes, a model with
/// members and losses (deriving at times from a library's model base, <see cref="LibraryOfBases.ModelBase"/>, whose
/// members have every accessibility), in a namespace (keyword-named at times), possibly nested in an outer partial class. Names come
/// from pools full of what breaks generators: keywords, case twins, generated members' and locals' names, Unicode.
/// </summary>
public sealed record UserProgram(string Namespace, string? Outer, DistributionClass[] Distributions, string ModelName, ModelMemberDecl[] Members,
    string Factorization, LossDecl[] Losses, bool HasIndexer, bool Sealed, bool DerivesFromLibrary = false)
{
    private static readonly string[] Variables = { "x", "z", "y", "h", "X", "Z", "batchSize", "Params", "LogProbOf", "SampleFrom", "equals", "scope", "result", "é", "Δz", "field", "value", "var", "t", "carried", "qParams" };
    private static readonly string[] DistributionNames = { "p", "q", "p_prior", "r", "Q" };
    private static readonly string[] TypeNames = { "Prior", "prior", "Enc", "Dec", "@class", "Params", "Sample", "Δq", "Latex", "Signature", "Loss", "@event", "var", "dynamic", "nint", "async", "nameof" };
    private static readonly string[] MemberNames = { "Q", "P", "Pz", "q", "p", "scope", "result", "z", "x", "field", "@event", "@class", "Latex", "Signature", "é", "value", "Dot", "Factorization" };
    private static readonly string[] LossNames = { "Loss", "L", "scope", "@return", "Sample", "Elbo", "To", "Δ" };
    private static readonly string[] Namespaces = { "Demo", "@event.@class", "Δ.Models", "Twins", "PixyzGen", "TorchSharp.Models" };

    /// <summary>A program drawn from <paramref name="random"/>; valid most of the time, with defects of every kind at times.</summary>
    public static UserProgram Draw(Random random)
    {
        T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];
        bool Chance(double p) => random.NextDouble() < p;

        // Half the programs are meant to be valid (a DAG of distinct variables, every member used), half may be anything.
        var clean = Chance(0.5);
        var typeNames = TypeNames.Where(n => !clean || !PixyzGen.Generator.Extract.SymbolFacts.RequiredDistributionMembers.Contains(Unescape(n)))
            .OrderBy(_ => random.Next()).Take(random.Next(2, 5)).ToList();
        var distributions = new List<DistributionClass>();
        var cleanVariables = Variables.OrderBy(_ => random.Next()).Take(typeNames.Count).ToList();
        foreach (var typeName in typeNames)
        {
            var index = distributions.Count;
            var variable = clean ? cleanVariables[index] : Chance(0.03) ? "int" : Pick(Variables);
            var conditions = clean
                ? cleanVariables.Take(index).OrderBy(_ => random.Next()).Take(random.Next(0, 3)).ToArray()
                : Variables.Where(v => v != variable).OrderBy(_ => random.Next()).Take(random.Next(0, 3)).ToArray();
            var signature = conditions.Length == 0 ? $"{Pick(DistributionNames)}({variable})" : $"{Pick(DistributionNames)}({variable}|{string.Join(",", conditions)})";
            if (!clean && Chance(0.05)) signature = Mutate(random, signature);
            var constant = conditions.Length == 0 && Chance(0.7);
            var forward = !clean && Chance(0.05) ? conditions.Reverse().Append("extra").ToArray() : conditions;
            // A Normal conditioned on x alone may take its Forward(Tensor x) from a base in another assembly; at times one on
            // another variable does, whose Forward then does not fit (reported at the type: the base has no source).
            var libraryBase = !constant && conditions.Length == 1 && (conditions[0] == "x" ? Chance(0.5) : Chance(0.05)) ? Pick(LibraryOfBases.ForwardBases).Name : null;
            var overload = constant || libraryBase is not null || !Chance(0.2) ? OverloadPlace.None : Chance(0.5) ? OverloadPlace.Before : OverloadPlace.After;
            distributions.Add(new DistributionClass(typeName, signature, libraryBase is null && Chance(0.5) ? "Bernoulli" : "Normal", constant, forward, libraryBase, overload));
        }

        var modelName = Pick(new[] { "Vae", "Model", "@class", "M2", "Δm" }.Where(n => !typeNames.Contains(n)).ToList());
        var memberNames = MemberNames.Where(n => Unescape(n) != Unescape(modelName)).OrderBy(_ => random.Next()).ToList();
        var members = new List<ModelMemberDecl>();
        string Accessors() => !clean && Chance(0.05) ? "set" : Chance(0.15) ? "init" : "get";
        for (var i = 0; i < distributions.Count && members.Count < memberNames.Count; i++)
        {
            members.Add(new ModelMemberDecl(memberNames[members.Count], i, Chance(0.3), Chance(0.1), Chance(0.05), Chance(0.15), Accessors()));
            if (!clean && Chance(0.1) && members.Count < memberNames.Count) members.Add(new ModelMemberDecl(memberNames[members.Count], i, Chance(0.3), Chance(0.1), Chance(0.05), Chance(0.15), Accessors()));
        }

        var signatures = members.Select(m => distributions[m.Distribution].Signature).Distinct().ToList();
        var factors = clean ? signatures.OrderBy(_ => random.Next()).ToList() : signatures.OrderBy(_ => random.Next()).Take(random.Next(1, signatures.Count + 1)).ToList();
        var factorization = Joint(factors) + " = " + string.Join(Chance(0.5) ? " " : "", factors);
        if (!clean && Chance(0.05)) factorization = Mutate(random, factorization);

        var lossNames = LossNames.Where(n => !members.Any(m => Unescape(m.Name) == Unescape(n)) && Unescape(n) != Unescape(modelName))
            .OrderBy(_ => random.Next()).Take(random.Next(0, 4)).ToList();
        var losses = lossNames.Select(name => DrawLoss(random, name, signatures, clean)).ToArray();
        return new UserProgram(Pick(Namespaces), Chance(0.2) ? "Outer" : null, distributions.ToArray(), modelName, members.ToArray(), factorization, losses,
            Chance(0.2), Chance(0.7), Chance(0.15));
    }

    private static LossDecl DrawLoss(Random random, string name, List<string> signatures, bool clean)
    {
        T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];
        bool Chance(double p) => !clean && random.NextDouble() < p;
        var terms = new List<string>();
        for (var i = random.Next(1, 5); i > 0; i--)
        {
            var a = Pick(signatures);
            var b = Pick(signatures);
            terms.Add((clean ? new[] { 0, 3, 4 }[random.Next(3)] : random.Next(6)) switch
            {
                0 => $"log {a}",
                1 => $"KL({a} || {b})",
                2 => $"E_{a}[log {b}]",
                3 => $"H[{a}]",
                4 => "beta",
                _ => $"E_{a}[log {b} - log {a}]",
            });
        }
        var formula = terms[0];
        foreach (var term in terms.Skip(1)) formula += Pick(new[] { " + ", " - ", " * " }) + term;
        if (random.NextDouble() < 0.5) formula = $"mean({formula})";
        if (Chance(0.05)) formula = Mutate(random, formula);

        // Parameters: the variables the formula reads as Tensor, beta as double; then the defects users write.
        var parsed = PixyzGen.Dsl.Parsing.DslParser.ParseLoss(formula).Value;
        var names = parsed is null ? new List<string> { "x" } : PixyzGen.Dsl.Checking.MemberChecker.References(parsed).SelectMany(r => r.VarNames.Concat(r.CondVarNames)).Distinct().ToList();
        var parameters = names.Where(n => n != "int").Select(n => new LossParameterDecl(n, "Tensor", "global::TorchSharp.torch.Tensor", "")).ToList();
        if (formula.Contains("beta")) parameters.Add(new LossParameterDecl("beta", "double", "double", ""));
        if (parameters.Count > 0 && Chance(0.15)) parameters.RemoveAt(random.Next(parameters.Count));
        if (Chance(0.1)) parameters.Add(new LossParameterDecl(Pick(new[] { "unused", "scope", "result", "@double" }), "double", "double", ""));
        for (var i = 0; i < parameters.Count; i++)
        {
            if (!Chance(0.06)) continue;
            var (type, display) = Pick(new[] { ("Tensor?", "global::TorchSharp.torch.Tensor?"), ("double", "double"), ("string", "string"), ("int", "int"), ("double?", "double?"), ("Tensor[]", "global::TorchSharp.torch.Tensor[]") });
            parameters[i] = parameters[i] with { Type = type, Display = display };
        }
        if (parameters.Count > 0 && Chance(0.05)) parameters[0] = parameters[0] with { Modifier = Pick(new[] { "ref", "in", "out" }) };
        parameters = parameters.GroupBy(p => Unescape(p.Name)).Select(g => g.First()).ToList();
        return new LossDecl(name, formula, parameters.ToArray(), Chance(0.04), Chance(0.04));
    }

    private static string Joint(List<string> factors)
    {
        var parsed = factors.Select(f => PixyzGen.Dsl.Parsing.DslParser.ParseDistribution(f).Value).Where(f => f is not null).ToList();
        var generated = parsed.SelectMany(f => f!.VarNames).Distinct().ToList();
        var inputs = parsed.SelectMany(f => f!.CondVarNames).Distinct().Where(v => !generated.Contains(v)).ToList();
        return inputs.Count == 0 ? $"p({string.Join(",", generated)})" : $"p({string.Join(",", generated)}|{string.Join(",", inputs)})";
    }

    private static string Mutate(Random random, string s)
    {
        const string alphabet = "pqxz()|,=+-*[]_ é";
        var i = random.Next(s.Length + 1);
        return random.Next(3) switch
        {
            0 when i < s.Length => s.Remove(i, 1),
            1 when i < s.Length => s.Remove(i, 1).Insert(i, alphabet[random.Next(alphabet.Length)].ToString()),
            _ => s.Insert(i, alphabet[random.Next(alphabet.Length)].ToString()),
        };
    }

    public static string Unescape(string name) => name.TrimStart('@');

    private static string Id(string name) => SyntaxFacts.GetKeywordKind(Unescape(name)) != SyntaxKind.None ? "@" + Unescape(name) : name;

    /// <summary>
    /// The program's C# text inside namespace <paramref name="prefix"/>.<see cref="Namespace"/>; the user's code accepts
    /// the obsolete and experimental members it declares, as a user's would. Without <paramref name="primaryConstructors"/>
    /// (C# 9 to 11) a constant distribution declares its constructor and array the C# 9 way.
    /// </summary>
    public string Source(string prefix, bool primaryConstructors = true)
    {
        var text = new StringBuilder();
        text.Append($"namespace {prefix}.{Namespace}\n{{\n#pragma warning disable CS0612, CS0618, PXYTEST01\n");
        if (Outer is not null) text.Append($"public partial class {Outer}\n{{\n");
        foreach (var d in Distributions)
        {
            text.Append($"[Distribution({SymbolDisplayLiteral(d.Signature)})] public sealed partial class {d.TypeName}");
            var arguments = d.Family == "Normal" ? "0, 1" : "0.5";
            if (d.LibraryBase is { } libraryBase) text.Append($" : global::Lib.{libraryBase} {{ }}\n");
            else if (d.Constant && primaryConstructors) text.Append($"() : {d.Family}({arguments}, features: [2]);\n");
            else if (d.Constant) text.Append($" : {d.Family} {{ public {d.TypeName}() : base({arguments}, features: new long[] {{ 2 }}) {{ }} }}\n");
            else
            {
                var record = d.Family == "Normal" ? "NormalParams" : "BernoulliParams";
                var first = d.ForwardParameters.Length == 0 ? "zeros(2)" : Id(d.ForwardParameters[0]);
                var body = d.Family == "Normal" ? $"new({first}, {first}.exp())" : $"BernoulliParams.FromLogits({first})";
                var own = $"private {record} Forward({string.Join(", ", d.ForwardParameters.Select(p => "Tensor " + Id(p)))}) => {body};";
                var other = $"private {record} Forward(Tensor a0, Tensor a1, Tensor a2, Tensor a3, Tensor a4) => {(d.Family == "Normal" ? "new(a0, a1.exp())" : "BernoulliParams.FromLogits(a0)")};";
                var members = d.Overload switch { OverloadPlace.Before => $"{other} {own}", OverloadPlace.After => $"{own} {other}", _ => own };
                text.Append($" : {d.Family} {{ {members} }}\n");
            }
        }
        text.Append($"[Model({SymbolDisplayLiteral(Factorization)})]\npublic {(Sealed ? "sealed " : "")}partial class {ModelName} : {(DerivesFromLibrary ? "global::Lib." + LibraryOfBases.ModelBase : "GenerativeModel")}\n{{\n");
        foreach (var m in Members)
        {
            var type = Distributions[m.Distribution].TypeName + (m.Nullable ? "?" : "");
            var attributes = (m.Obsolete ? "[System.Obsolete(\"old\")] " : "") + (m.Experimental ? "[System.Diagnostics.CodeAnalysis.Experimental(\"PXYTEST01\")] " : "");
            text.Append(m.IsField ? $"    {attributes}public readonly {type} {m.Name} = new();\n"
                : m.Accessors == "set" ? $"    {attributes}public {type} {m.Name} {{ set {{ }} }}\n"
                : $"    {attributes}public {type} {m.Name} {{ get;{(m.Accessors == "init" ? " init;" : "")} }} = new();\n");
        }
        if (HasIndexer && Members.Length > 0) text.Append($"    public {Distributions[Members[0].Distribution].TypeName} this[int i] => {(Members[0].Readable ? Members[0].Name : "new()")};\n");
        foreach (var loss in Losses)
        {
            var parameters = string.Join(", ", loss.Parameters.Select(p => $"{(p.Modifier.Length > 0 ? p.Modifier + " " : "")}{p.Type} {Id(p.Name)}"));
            text.Append($"    [Loss({SymbolDisplayLiteral(loss.Formula)})] public {(loss.IsStatic ? "static " : "")}partial Tensor {loss.Name}{(loss.IsGeneric ? "<T>" : "")}({parameters});\n");
        }
        text.Append("}\n");
        if (Outer is not null) text.Append("}\n");
        return text.Append("}\n").ToString();
    }

    private static string SymbolDisplayLiteral(string text) => Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(text, quote: true);
}
