using System.Linq;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using PixyzGen.Generator;

namespace PixyzGen.GeneratorBenchmarks;

/// <summary>
/// One full generator run (a fresh driver, nothing cached) on a project whose size grows in one direction: the terms
/// of one loss or the factors of one factorization. Linear growth means time / size stays flat. A factorization of
/// 100,000 factors is longer than the 1,000,000-character limit: that row measures the diagnostic path.
/// </summary>
[MemoryDiagnoser]
public class GeneratorScaling
{
    public enum Growth { Terms, Factors, Models }

    [Params(Growth.Terms, Growth.Factors)]
    public Growth Kind { get; set; }

    [Params(1, 10, 100, 1_000, 10_000, 50_000, 100_000)]
    public int Size { get; set; }

    private CSharpCompilation compilation = null!;

    [GlobalSetup]
    public void Setup() => compilation = Projects.Compile(Projects.Source(Kind, Size));

    [Benchmark]
    public int Generate()
    {
        var driver = CSharpGeneratorDriver.Create(new PixyzGenerator()).RunGenerators(compilation);
        var result = driver.GetRunResult().Results.Single();
        if (result.Exception is not null) throw result.Exception;
        return result.GeneratedSources.Sum(s => s.SourceText.Length);
    }
}
