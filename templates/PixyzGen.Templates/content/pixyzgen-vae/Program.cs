using System;
using System.Linq;
using PixyzGen;
using PixyzGenVae.Data;
using PixyzGenVae.Model;
using static TorchSharp.torch;

// Usage: dotnet run -- [--steps N] [--seed S]
NativeSettings.Configure();
var steps = Option(args, "--steps", 500);
var seed = Option(args, "--seed", 1);
manual_seed(seed);

using var model = new BarsVae();
var optimizer = optim.Adam(model.parameters(), 1e-2);
Console.WriteLine(model);
for (var step = 1; step <= steps; step++)
{
    NativeSettings.ApplyThreadPolicy();   // the thread count Configure's adaptive policy chose
    using var scope = NewDisposeScope();
    var images = Bars.Sample(128);
    optimizer.zero_grad();
    var loss = model.Loss(images);
    loss.backward();
    optimizer.step();
    if (step == 1 || step % 50 == 0 || step == steps) Console.WriteLine($"step {step,5}  loss {loss.item<float>(),8:F2} nats per image");
}

// A few images decoded from the prior: each should look like a set of bars.
using (no_grad())
{
    model.eval();
    var samples = model.P.Mean(model.Pz.Sample(3));
    for (var i = 0; i < 3; i++) Console.WriteLine(Bars.Render(samples[i]));
}

static int Option(string[] args, string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], out var value) ? value : fallback;
}
