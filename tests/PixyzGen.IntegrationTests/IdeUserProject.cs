using System.IO;
using PixyzGen.IntegrationTests.Infrastructure;

namespace PixyzGen.IntegrationTests;

/// <summary>
/// A user's project as an IDE opens it: it references the packed PixyzGen (generator, analyzers and code fixes) and
/// uses generated members (the loss body, typed Sample), so a missing generator would show as C# errors.
/// </summary>
public static class IdeUserProject
{
    /// <summary>The KL term as written, and the edit an IDE user makes to it (q(z) where the member declares q(z|x): PXY0202).</summary>
    public const string ValidTerm = "KL(q(z|x) || p(z))";
    public const string EditedTerm = "KL(q(z) || p(z))";
    public const string Mistake = "q(z)";

    public const string ModelSource = """
        using PixyzGen;
        using static TorchSharp.torch;
        using static TorchSharp.torch.nn;

        namespace IdeCheck;

        [Distribution("q(z|x)")]
        public sealed partial class Encoder : Normal
        {
            private readonly Module<Tensor, Tensor> net = Linear(4, 4);

            public Encoder() => RegisterComponents();

            private NormalParams Forward(Tensor x)
            {
                var h = net.call(x).chunk(2, -1);
                return new NormalParams(h[0], functional.softplus(h[1]));
            }
        }

        [Distribution("p(x|z)")]
        public sealed partial class Decoder : Bernoulli
        {
            private readonly Module<Tensor, Tensor> net = Linear(2, 4);

            public Decoder() => RegisterComponents();

            private BernoulliParams Forward(Tensor z) => BernoulliParams.FromLogits(net.call(z));
        }

        [Distribution("p(z)")]
        public sealed partial class Prior() : Normal(loc: 0, scale: 1, features: [2]);

        [Model("p(x,z) = p(x|z) p(z)")]
        public sealed partial class Vae : GenerativeModel
        {
            public Encoder Q { get; } = new();
            public Decoder P { get; } = new();
            public Prior Pz { get; } = new();

            [Loss("mean(KL(q(z|x) || p(z)) - E_q(z|x)[log p(x|z)])")]
            public partial Tensor Loss(Tensor x);
        }

        public static class Use
        {
            public static Tensor Step(Vae model, Tensor x) => model.Loss(x) + model.Q.Sample(x).sum();
        }
        """;

    /// <summary>Writes and restores the project in a new folder under the local feed; returns the folder.</summary>
    public static string Create(LocalFeed feed)
    {
        var folder = feed.NewFolder("ide");
        File.WriteAllText(Path.Combine(folder, "IdeCheck.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <OutputType>Library</OutputType>
                <Nullable>enable</Nullable>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="PixyzGen" Version="{feed.Version}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(folder, "Model.cs"), ModelSource);
        DotNet.Run(folder, "restore --nologo").Succeeded("restore the IDE user project");
        return folder;
    }

    /// <summary>The model file with the user's edit.</summary>
    public static string Edited => ModelSource.Replace(ValidTerm, EditedTerm);
}
