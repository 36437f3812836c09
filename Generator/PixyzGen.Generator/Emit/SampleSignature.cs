using System.Collections.Generic;
using System.Linq;
using PixyzGen.Generator.Model;

namespace PixyzGen.Generator.Emit;

/// <summary>
/// The declaration of a model's typed <c>Sample</c>, from its joint's shape alone (valid or not, the factors aside):
/// the joint's conditioning variables as parameters (or a batch size without any), one variable returned as a Tensor
/// and several as the <c>{Type}Sample</c> record (<see cref="HasRecord"/>).
/// </summary>
internal sealed record SampleSignature(
    string ReturnType, string Parameters, string[] ParameterTypes, string RecordName, bool HasRecord,
    IReadOnlyDictionary<string, string> Properties, string? BatchName)
{
    /// <summary>The signature, or null where the user declared a member it would collide with (nothing is written then).</summary>
    public static SampleSignature? For(ModelSpec spec, SampleShape shape)
    {
        var existing = spec.Existing;
        var outputs = shape.Outputs.ToList();
        var inputs = shape.Inputs.ToList();
        var recordName = GeneratedNames.JointDraw(spec.Type.PlainName);
        var single = outputs.Count == 1;
        var parameterTypes = inputs.Count == 0 ? new[] { "long" } : inputs.Select(_ => RuntimeNames.Tensor).ToArray();
        if (existing.DeclaresMethod(GeneratedNames.Sample, parameterTypes)) return null;
        if (!single && existing.DeclaresName(recordName)) return null;   // the user declared a member of the record's name: no typed joint draw
        // Without inputs, the batch size is a parameter named apart from the variables (a variable may be called batchSize).
        var batchName = inputs.Count == 0 ? Distinct("batchSize", outputs) : null;
        var parameters = batchName is not null ? $"long {batchName} = 1" : string.Join(", ", inputs.Select(i => $"{RuntimeNames.Tensor} {CSharpText.Escape(i)}"));
        return new SampleSignature(single ? RuntimeNames.Tensor : recordName, parameters, parameterTypes, recordName, !single,
            single ? new Dictionary<string, string>() : RecordProperties(outputs, recordName), batchName);
    }

    /// <summary>
    /// The joint draw's property per variable: <c>X</c> for <c>x</c>, unless two variables differ only in case or a name
    /// is one every record struct has (<c>Equals</c>, ...) or the record's own; then the variable's own name, and
    /// failing that, a numbered one.
    /// </summary>
    private static Dictionary<string, string> RecordProperties(List<string> variables, string recordName)
    {
        var reserved = new HashSet<string> { "Equals", "GetHashCode", "ToString", "Deconstruct", "PrintMembers", "EqualityContract", "GetType", "MemberwiseClone", "Finalize", recordName };
        var pascal = variables.Select(Pascal).ToList();
        var clean = pascal.Distinct().Count() == pascal.Count && !pascal.Any(reserved.Contains);
        var taken = new HashSet<string>(reserved);
        var properties = new Dictionary<string, string>();
        foreach (var variable in variables)
        {
            var name = clean ? Pascal(variable) : variable;
            for (var i = 2; !taken.Add(name); i++) name = variable + "_" + i;
            properties[variable] = CSharpText.Escape(name);
        }
        return properties;
    }

    private static string Distinct(string stem, ICollection<string> taken)
    {
        var name = stem;
        for (var i = 2; taken.Contains(name); i++) name = stem + i;
        return name;
    }

    private static string Pascal(string name) => name.Length == 0 ? name : char.ToUpperInvariant(name[0]) + name.Substring(1);
}
