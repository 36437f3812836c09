namespace PixyzGen.Analyzers.Tests;

/// <summary>Each rule the analyzer reports today, positive and negative, with the span marked inside the string literal.</summary>
public class DslStringAnalyzerTests
{
    private const string Members = """
        using PixyzGen;
        using static TorchSharp.torch;

        [Distribution("q(z|x)")] public sealed partial class Enc() : Normal() { private NormalParams Forward(Tensor x) => new(x, x); }
        [Distribution("p(x|z)")] public sealed partial class Dec() : Bernoulli() { private BernoulliParams Forward(Tensor z) => BernoulliParams.FromLogits(z); }
        [Distribution("p(z)")] public sealed partial class Pri() : Normal(0, 1, features: [2]);
        [Distribution("p(z|x)")] public sealed partial class Back() : Normal() { private NormalParams Forward(Tensor x) => new(x, x); }
        [Distribution("p(x|y)")] public sealed partial class Other() : Bernoulli() { private BernoulliParams Forward(Tensor y) => BernoulliParams.FromLogits(y); }

        """;

    private static void Verify(string model) => AnalyzerHarness.Verify(Members + model);

    [Test]
    public void A_valid_vae_has_no_diagnostic() => Verify("""
        [Model("p(x,z) = p(x|z) p(z)")]
        public sealed partial class Vae : GenerativeModel
        {
            public Enc Q { get; } = new(); public Dec P { get; } = new(); public Pri Pz { get; } = new();
            [Loss("mean(KL(q(z|x) || p(z)) - E_q(z|x)[log p(x|z)])")] public partial Tensor Loss(Tensor x);
        }
        """);

    [Test]
    public void PXY0001_at_the_offending_token() => Verify("""
        [Distribution("q(z|{|PXY0001:)|}")] public sealed partial class Broken() : Normal();
        """);

    [Test]
    public void PXY0002_and_PXY0003_at_the_variable() => Verify("""
        [Distribution("q(z|{|PXY0002:z|})")] public sealed partial class Both() : Normal();
        [Distribution("q(z,{|PXY0003:z|})")] public sealed partial class Twice() : Normal();
        """);

    [Test]
    public void PXY0004_for_a_reserved_name() => Verify("""
        [Distribution("q({|PXY0004:log|})")] public sealed partial class Reserved() : Normal();
        """);

    [Test]
    public void PXY0005_in_a_loss() => Verify("""
        [Model("p(x,z) = p(x|z) p(z)")]
        public sealed partial class Vae : GenerativeModel
        {
            public Dec P { get; } = new(); public Pri Pz { get; } = new();
            [Loss("mean(log p(x|z){|PXY0005:]|}")] public partial Tensor Loss(Tensor x, Tensor z);
        }
        """);

    [Test]
    public void PXY0101_conflicting_factors_at_the_second_generator() => Verify("""
        [Model("p(x,z|y) = p(x|z) p({|PXY0101:x|}|y) p(z)")]
        public sealed partial class Conflict : GenerativeModel
        {
            public Dec P { get; } = new(); public Other O { get; } = new(); public Pri Pz { get; } = new();
        }
        """);

    [Test]
    public void PXY0102_a_recursive_factorization_over_its_factors() => Verify("""
        [Model("p(x,z) = {|PXY0102:p(x|z) p(z|x)|}")]
        public sealed partial class Loop : GenerativeModel
        {
            public Dec P { get; } = new(); public Back B { get; } = new();
        }
        """);

    [Test]
    public void PXY0103_a_joint_that_differs_from_its_factors() => Verify("""
        [Model("{|PXY0103:p(x,z)|} = p(x|z)")]
        public sealed partial class Short : GenerativeModel
        {
            public Dec P { get; } = new();
        }
        """);

    [Test]
    public void PXY0201_PXY0202_PXY0203_PXY0204_PXY0206_in_losses() => Verify("""
        [Model("p(x,z) = p(x|z) p(z)")]
        public sealed partial class Vae : GenerativeModel
        {
            public Enc Q { get; } = new(); public Dec P { get; } = new(); public Pri Pz { get; } = new();
            [Loss("mean(log {|PXY0201:r(x|z)|})")] public partial Tensor A(Tensor x, Tensor z);
            [Loss("mean(E_q(z|x)[log {|PXY0202:p(x|y)|}])")] public partial Tensor B(Tensor x, Tensor y);
            [Loss("mean(log p(x|{|PXY0203:z|}))")] public partial Tensor C(Tensor x);
            [Loss("mean({|PXY0204:KL(q(z|x) || p(x|z))|})")] public partial Tensor D(Tensor x, Tensor z);
            [Loss("{|PXY0206:mean(KL(q(z|x) || p(z)))|}")] public partial Tensor E(Tensor x, double beta);
        }
        """);

    [Test]
    public void PXY0301_and_PXY0302_on_the_class_name() => Verify("""
        [Distribution("q(a)")] public sealed class {|PXY0301:NotPartial|}() : Normal();
        [Distribution("q(b)")] public sealed partial class {|PXY0302:NoFamily|} { }
        """);

    [Test]
    public void A_literal_with_escapes_is_reported_on_the_whole_literal() => Verify("""
        [Distribution({|PXY0001:"q(z\u007Cx"|})] public sealed partial class Escaped() : Normal();
        """);

    [Test]
    public void A_verbatim_literal_is_reported_at_the_exact_span() => Verify("""
        [Distribution(@"q(z|{|PXY0002:z|})")] public sealed partial class Verbatim() : Normal();
        """);
}
