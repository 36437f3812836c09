using System.Threading.Tasks;
using PixyzGen.Analyzers.Tests.Infrastructure;

namespace PixyzGen.Analyzers.Tests.Rules;

/// <summary>PXY0105: A distribution member used by no factorization and no loss.</summary>
public class PXY0105Tests
{
    [Test]
    public Task At_the_unused_member() => Verify.Analyzer(Sources.Vae(body: "    public Back {|PXY0105:Unused|} { get; } = new();"));

    [Test]
    public Task A_member_used_only_by_a_loss_counts_as_used() => Verify.Analyzer(Sources.Vae());
}
