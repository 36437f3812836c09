using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using PixyzGen.IntegrationTests.Infrastructure;

namespace PixyzGen.IntegrationTests;

/// <summary>
/// The toolkit as a user's own project meets it: a console project referencing only the packed packages (PixyzGen,
/// PixyzGen.Training, TorchSharp-cpu) trains an MNIST VAE (the model of samples/Scripts/vae.cs) on the embedded digits with a progress bar, TensorBoard, a
/// per-epoch test negative ELBO and a checkpoint; a run stopped by Ctrl+C (a real SIGINT) resumes and ends with the
/// parameters of a run never stopped.
/// </summary>
[NonParallelizable]
public class ToolkitProjectTests
{
    private const string Project = """
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <OutputType>Exe</OutputType>
            <TargetFramework>net10.0</TargetFramework>
            <Nullable>enable</Nullable>
            <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
          </PropertyGroup>
          <ItemGroup>
            <PackageReference Include="PixyzGen" Version="VERSION" />
            <PackageReference Include="PixyzGen.Training" Version="VERSION" />
            <PackageReference Include="TorchSharp-cpu" Version="0.107.0" />
          </ItemGroup>
        </Project>
        """;

    private const string Program = """
        using System;
        using System.Linq;
        using System.Runtime.InteropServices;
        using System.Security.Cryptography;
        using PixyzGen;
        using PixyzGen.Datasets;
        using PixyzGen.Training;
        using static TorchSharp.torch;
        using static TorchSharp.torch.nn;

        // args: data folder, output folder, "whole" | "interrupted" | "resume"
        NativeSettings.Configure();
        manual_seed(1);
        var (train, test) = MnistData.LoadDatasets(args[0]);
        using var trainData = train.Take(1200);
        using var testData = test.Take(300);
        train.Dispose();
        test.Dispose();
        using var trainBatches = new Batches(trainData, 100, shuffle: true, seed: 3);
        using var testBatches = new Batches(testData, 100);
        using var model = new Vae();
        var trainer = new Trainer(
            Objective.Of(model, new FusedAdam(model.parameters(), 2e-3), batch => model.Loss(batch["x"])),
            new TrainerOptions
            {
                Epochs = 3,
                Progress = ProgressStyle.Bar,
                TensorBoard = args[2] == "whole" ? null : System.IO.Path.Combine(args[1], "runs"),
                Checkpoint = args[2] == "whole" ? null : System.IO.Path.Combine(args[1], "vae.ckpt"),
                Resume = args[2] == "resume",
                Scheduler = o => optim.lr_scheduler.StepLR(o, step_size: 2, gamma: 0.5),
            });
        // The interrupted run sends itself Ctrl+C's signal during epoch 2; the handler stops the loop after that step.
        if (args[2] == "interrupted")
            trainer.StepCompleted += step => { if (step.Step == 16) Signals.Interrupt(); };
        using var stop = StopSignal.OnCtrlC();
        var result = trainer.Fit(trainBatches, testBatches, stop.Token);
        foreach (var epoch in result.History.Epochs) Console.WriteLine($"epoch {epoch.Epoch} test negative ELBO {epoch.TestLoss:F3}");
        var bytes = model.parameters().SelectMany(p => p.detach().flatten().data<float>().ToArray()).SelectMany(BitConverter.GetBytes).ToArray();
        Console.WriteLine($"stopped {result.Stopped} steps {result.History.StepLosses.Count} parameters {Convert.ToHexString(SHA256.HashData(bytes))}");
        return result.Stopped ? 5 : 0;

        static class Signals
        {
            [DllImport("libc", SetLastError = true)]
            private static extern int kill(int pid, int signal);

            public static void Interrupt() => kill(Environment.ProcessId, 2);
        }
        """;

    [Test]
    public void A_run_stopped_by_ctrl_c_resumes_to_the_parameters_of_a_run_never_stopped()
    {
        var feed = LocalFeed.Shared;
        var folder = feed.NewFolder("toolkit-user");
        File.WriteAllText(Path.Combine(folder, "ToolkitVae.csproj"), Project.Replace("VERSION", feed.Version, StringComparison.Ordinal));
        // The model is samples/Scripts/vae.cs's: its [Distribution]s and [Model], as written there.
        var script = File.ReadAllText(Repository.Path("samples", "Scripts", "vae.cs"));
        File.WriteAllText(Path.Combine(folder, "Program.cs"), Program + "\n" + script[script.IndexOf("[Distribution(", StringComparison.Ordinal)..]);
        var build = DotNet.Run(folder, "build -c Release --nologo").Succeeded("build");
        Assert.That(Regex.IsMatch(build.Output, @"\bwarning\b"), Is.False, build.Output);
        var data = Repository.Path("samples", "data");
        var output = Path.Combine(folder, "out");
        Directory.CreateDirectory(output);
        DotNet.Result Run(string mode) => DotNet.Run(folder, $"bin/Release/net10.0/ToolkitVae.dll \"{data}\" \"{output}\" {mode}");

        var whole = Run("whole").Succeeded("the uninterrupted run");
        var interrupted = Run("interrupted");
        Assert.That(interrupted.ExitCode, Is.EqualTo(5), interrupted.Output);
        Assert.That(interrupted.Output, Does.Contain("stopped True").And.Contain("wrote " + Path.Combine(output, "vae.ckpt")));
        Assert.That(interrupted.Output, Does.Contain("epoch 1 test negative ELBO").And.Not.Contain("epoch 3 test"));
        var resumed = Run("resume").Succeeded("the resumed run");
        Assert.That(resumed.Output, Does.Contain("resumed from"));

        var parameters = Regex.Match(whole.Output, "stopped False steps 36 parameters ([0-9A-F]{64})");
        Assert.That(parameters.Success, Is.True, whole.Output);
        Assert.That(resumed.Output, Does.Contain(parameters.Value), "bit for bit the uninterrupted run's parameters\n" + resumed.Output);
        Assert.That(TestLines(resumed.Output), Is.EqualTo(TestLines(whole.Output)), "and its history");
        Assert.That(TestLines(whole.Output), Has.Length.EqualTo(3));
        Assert.That(Directory.GetFiles(Path.Combine(output, "runs"), "events.out.tfevents.*", SearchOption.AllDirectories), Is.Not.Empty, "TensorBoard event files");
        Assert.That(Directory.GetFiles(output, ".*.tmp"), Is.Empty, "checkpoints are written atomically");
    }

    private static string[] TestLines(string output) =>
        output.Split('\n').Where(l => l.StartsWith("epoch ", StringComparison.Ordinal)).Select(l => l.Trim()).ToArray();
}
