using System;
using System.Collections.Generic;
using System.IO;
using PixyzGen.IntegrationTests.Infrastructure;

namespace PixyzGen.IntegrationTests;

/// <summary>
/// TorchSharp's native library without PixyzGen's build step, as in a notebook: a program built with the fix turned off
/// (PixyzGenPatchLibStdCxx=false) cannot start TorchSharp on Debian 12, and starts it after TorchSharpNative.Load().
/// </summary>
[NonParallelizable]
public class NotebookNativeTests
{
    private const string Program = """
        if (args.Length > 0 && args[0] == "load") System.Console.WriteLine(PixyzGen.TorchSharpNative.Load());
        System.Console.WriteLine($"sum {TorchSharp.torch.ones(3).sum().item<float>()}");
        """;

    [Test]
    public void Load_makes_an_unpatched_TorchSharp_start_where_libstdcxx_lacks_its_version()
    {
        var system = PixyzGen.Build.ElfVersionPatcher.FindSystemLibStdCxx();
        Assume.That(system is not null && !PixyzGen.Build.ElfVersionPatcher.DefinesVersion(system, PixyzGen.TorchSharpNative.RequiredVersion),
            "this system's libstdc++ has the version: TorchSharp starts without the fix");
        var feed = LocalFeed.Shared;
        var folder = feed.NewFolder("notebook-native");
        File.WriteAllText(Path.Combine(folder, "Unpatched.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <PixyzGenPatchLibStdCxx>false</PixyzGenPatchLibStdCxx>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="PixyzGen" Version="{feed.Version}" />
                <PackageReference Include="TorchSharp-cpu" Version="0.107.0" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(folder, "Program.cs"), Program);
        DotNet.Run(folder, "build -c Release --nologo").Succeeded("build");
        var temporary = Directory.CreateDirectory(Path.Combine(folder, "tmp")).FullName;
        var environment = new Dictionary<string, string> { ["TMPDIR"] = temporary };
        DotNet.Result Run(string mode) => DotNet.Process("dotnet", $"bin/Release/net10.0/Unpatched.dll {mode}", folder, TimeSpan.FromMinutes(2), environment);

        var plain = Run("plain");
        Assert.That(plain.ExitCode, Is.Not.EqualTo(0), "without the fix TorchSharp cannot load its library:\n" + plain.Output);
        Assert.That(plain.Output, Does.Contain("uses TorchSharp but"), "TorchSharp's own message (it does not name the missing version)");

        var loaded = Run("load");
        Assert.That(loaded.ExitCode, Is.EqualTo(0), loaded.Output);
        Assert.That(loaded.Output, Does.Contain($"{system} lacks GLIBCXX_3.4.32: loaded TorchSharp's native library from {Path.Combine(temporary, "pixyzgen-torchsharp-")}"));
        Assert.That(loaded.Output, Does.Contain("sum 3"));
        // The copy is the one patched; the output's own library (as a notebook's NuGet folder) is left as it was.
        var original = Path.Combine(folder, "bin", "Release", "net10.0", "runtimes", "linux-x64", "native", "libLibTorchSharp.so");
        Assert.That(PixyzGen.Build.ElfVersionPatcher.ReadVersionNeeds(original), Has.Some.Matches<(string File, string Version, bool Weak)>(n => n.Version == "GLIBCXX_3.4.32" && !n.Weak));
        Assert.That(Run("load").Output, Does.Contain("sum 3"), "a second start reuses the prepared folder");
    }
}
