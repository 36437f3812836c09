using System;
using System.IO;
using System.Text.RegularExpressions;
using PixyzGen.IntegrationTests.Infrastructure;

namespace PixyzGen.IntegrationTests;

/// <summary>
/// samples/Scripts/vae.cs as `dotnet run vae.cs` runs it: a file-based app whose #:package directives take the packed
/// packages, whose [Distribution], [Model] and [Loss] the generator fills in, and whose --loss is read at run time.
/// </summary>
[NonParallelizable]
public class ScriptTests
{
    [Test]
    public void The_vae_script_runs_with_dotnet_run_trains_and_reads_a_loss_at_run_time()
    {
        var feed = LocalFeed.Shared;
        // The script's folder as the repository lays it out (its Directory.Build files, the data beside it), under the feed's nuget.config.
        var root = feed.NewFolder("script");
        var scripts = Directory.CreateDirectory(Path.Combine(root, "Scripts")).FullName;
        foreach (var file in new[] { "vae.cs", "Directory.Build.props", "Directory.Build.targets" })
            File.Copy(Repository.Path("samples", "Scripts", file), Path.Combine(scripts, file));
        var data = Directory.CreateDirectory(Path.Combine(root, "data")).FullName;
        foreach (var file in Directory.GetFiles(Repository.Path("samples", "data"), "*.gz")) File.Copy(file, Path.Combine(data, Path.GetFileName(file)));

        var run = DotNet.Run(scripts, "run vae.cs -- --epochs 1 --loss \"mean(2 * KL(q(z|x) || p(z)) - E_q(z|x)[log p(x|z)])\"", TimeSpan.FromMinutes(10)).Succeeded("dotnet run vae.cs");
        Assert.That(run.Output, Does.Contain("training on mean(2 * KL(q(z|x) || p(z)) - E_q(z|x)[log p(x|z)])"));
        var elbo = Regex.Match(run.Output, @"test negative ELBO ([0-9.]+) nats per image");
        Assert.That(elbo.Success, Is.True, run.Output);
        Assert.That(double.Parse(elbo.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), Is.LessThan(300), "one epoch trains");
        Assert.That(run.Output, Does.Match(@"test log-likelihood \(importance-sampled, k = 100\) -[0-9.]+ nats"));

        var refused = DotNet.Run(scripts, "run vae.cs -- --loss \"mean(KL(q(z|y) || p(z)))\"");
        Assert.That(refused.ExitCode, Is.EqualTo(1), refused.Output);
        Assert.That(refused.Output, Does.Contain("error: --loss: PXY0202"));
    }
}
