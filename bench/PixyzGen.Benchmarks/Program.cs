using System;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using PixyzGen;
using PixyzGen.Benchmarks;

// A child of the native-policy comparison configures itself: its policy is in its environment.
if (args.Length == 4 && args[0] == PixyzGen.Benchmarks.NativePolicy.NativePolicyChild.Mode)
    return PixyzGen.Benchmarks.NativePolicy.NativePolicyChild.Run(args[1], int.Parse(args[2]), int.Parse(args[3]));
// The comparison itself only starts children; it must not load libgomp with a policy of its own.
if (args.Length > 0 && args[0] == "native-policy") return PixyzGen.Benchmarks.NativePolicy.NativePolicyComparison.Run(args);

// Native settings must precede the first TorchSharp call; 2 threads as in docs/performance.md.
var native = NativeSettings.Configure(threads: 2);
Console.WriteLine($"native settings: {native}");

if (args.Length > 0 && args[0] == "memory") return MemoryDrift.Run();
if (args.Length > 0 && args[0] == "interleaved") return InterleavedComparison.Run();
if (args.Length > 0 && args[0] == "loading") return PixyzGen.Benchmarks.Loading.LoadingComparison.Run();
if (args.Length > 0 && args[0] == "parsed") return PixyzGen.Benchmarks.Parsed.ParsedLossComparison.Run();
if (args.Length > 0 && args[0] == "dynamic") return PixyzGen.Benchmarks.Dynamic.DynamicComparison.Run();
if (args.Length > 0 && args[0] == "side-by-side") return PixyzGen.Benchmarks.SideBySide.SideBySideRunner.Run(args);
if (args.Length > 0 && args[0] == "sequence") return PixyzGen.Benchmarks.Sequence.SequenceComparison.Run(args);
if (args.Length > 0 && args[0] == "profile") return PixyzGen.Benchmarks.Profile.StepProfile.Run();

// In-process: TorchSharp's native libraries stay loaded once instead of being copied into a generated project.
var config = DefaultConfig.Instance.AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithWarmupCount(5).WithIterationCount(20));
BenchmarkSwitcher.FromAssembly(typeof(TrainingStepBenchmark).Assembly).Run(args, config);
return 0;
