using System;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using PixyzGen;
using PixyzGen.Benchmarks;

// Native settings must precede the first TorchSharp call; 2 threads as in docs/performance.md.
var native = NativeSettings.Configure(threads: 2);
Console.WriteLine($"native settings: {native}");

if (args.Length > 0 && args[0] == "memory") return MemoryDrift.Run();
if (args.Length > 0 && args[0] == "interleaved") return InterleavedComparison.Run();

// In-process: TorchSharp's native libraries stay loaded once instead of being copied into a generated project.
var config = DefaultConfig.Instance.AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithWarmupCount(5).WithIterationCount(20));
BenchmarkSwitcher.FromAssembly(typeof(TrainingStepBenchmark).Assembly).Run(args, config);
return 0;
