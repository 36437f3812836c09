using System.Collections.Generic;
using static TorchSharp.torch;

namespace PixyzGen;

/// <summary>
/// Base of a <see cref="ModelAttribute"/> class: a TorchSharp module whose submodules are its distribution members,
/// registered under their member names (so checkpoints read <c>Q.net.0.weight</c>).
/// </summary>
public abstract class GenerativeModel : nn.Module
{
    /// <remarks>
    /// Members initialized by property or field initializers exist before this constructor runs and are registered
    /// here; a derived constructor that assigns members in its body calls <see cref="RegisterComponents"/> after.
    /// </remarks>
    protected GenerativeModel() : base(nameof(GenerativeModel))
    {
        name = GetType().Name;
        RegisterComponents();
    }

    /// <summary>The distribution members by name, in declaration order; generated from the class's members.</summary>
    protected abstract IEnumerable<(string Name, Distribution? Member)> DistributionMembers { get; }

    /// <summary>The distribution members by name, for the run-time DSL (<see cref="Loss.Parse(string, GenerativeModel)"/>).</summary>
    internal IEnumerable<(string Name, Distribution? Member)> NamedMembers => DistributionMembers;

    /// <summary>The factorization text, e.g. <c>p(x,z) = p(x|z) p(z)</c>.</summary>
    public abstract string FactorizationText { get; }

    private Distribution? joint;

    /// <summary>
    /// The model as one distribution, the product of its factors (marginalized as the factorization says), built once
    /// over the members themselves: pass it, or the model itself, to the dynamic API (<c>new VI(model, q)</c>).
    /// </summary>
    public Distribution Joint => joint ??= BuildJoint();

    /// <summary>The factors' product; generated from the factorization (an invalid one has no joint).</summary>
    protected virtual Distribution BuildJoint() =>
        throw new System.NotSupportedException($"{GetType().Name}: '{FactorizationText}' is not a valid factorization of its members, so it has no joint distribution.");

    /// <summary>A model stands for its joint wherever the dynamic API takes a distribution (Pixyz's model objects are distributions).</summary>
    public static implicit operator Distribution(GenerativeModel model) => (model ?? throw new System.ArgumentNullException(nameof(model))).Joint;

    /// <summary>Registers every distribution member not registered yet; safe to call more than once.</summary>
    protected override void RegisterComponents()
    {
        foreach (var (memberName, member) in DistributionMembers)
        {
            if (member is not null && !_internal_submodules.ContainsKey(memberName)) register_module(memberName, member);
        }
    }

    /// <summary>Pixyz's printed form: the factorization and each distribution.</summary>
    public override string ToString()
    {
        var text = new System.Text.StringBuilder($"Model: {GetType().Name}\n  {FactorizationText}\nDistributions:\n");
        foreach (var (memberName, member) in DistributionMembers)
            text.Append($"  {memberName}: {member?.ProbText ?? "(not set)"} ({member?.DistributionName})\n");
        return text.ToString();
    }
}
