using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using PixyzGen.GeneratorBenchmarks;

// In-process: the sources and references are built once per case; each iteration is one full generator run.
// Monitoring: a run at 100,000 takes seconds, so a few iterations each, without BenchmarkDotNet's pilot stage.
var job = Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithStrategy(RunStrategy.Monitoring)
    .WithLaunchCount(1).WithWarmupCount(1).WithIterationCount(3);
var config = DefaultConfig.Instance.AddJob(job).WithOptions(ConfigOptions.DisableOptimizationsValidator);
BenchmarkSwitcher.FromAssembly(typeof(GeneratorScaling).Assembly).Run(args, config);
