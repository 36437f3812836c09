using System.Threading.Tasks;
using PixyzGen.Analyzers.Tests.Infrastructure;

namespace PixyzGen.Analyzers.Tests.Rules;

/// <summary>PXY0001: Syntax error in a distribution or factorization, at the offending token.</summary>
public class PXY0001Tests
{
    [Test]
    public Task At_the_offending_token_of_a_signature() => Verify.Analyzer(Sources.Usings + """
[Distribution("q(z|{|PXY0001:)|}")] public sealed partial class Broken() : Normal();
""");

    [Test]
    public Task At_the_offending_token_of_a_factorization() => Verify.Analyzer(Sources.Vae(factorization: "p(x,z) = p(x|z) {|PXY0001:,|}"));

    [Test]
    public Task On_the_whole_literal_when_it_has_escapes() => Verify.Analyzer(Sources.Usings + """
[Distribution({|PXY0001:"q(z\u007Cx"|})] public sealed partial class Escaped() : Normal();
""");

    [Test]
    public Task A_well_formed_signature_has_none() => Verify.Analyzer(Sources.All);
}
