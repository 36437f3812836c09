using System;
using System.Collections.Generic;
using System.Linq;
using PixyzGen.Samples.Vae.Model;
using static TorchSharp.torch;

namespace PixyzGen.Benchmarks.Profile;

/// <summary>Probe: libtorch's fused CPU Adam (aten::_fused_adam_) through TorchScript, against TorchSharp's Adam, on the VAE's parameters.</summary>
public static class FusedAdamProbe
{
    private const string Script = @"
def adam_step(params: List[Tensor], grads: List[Tensor], exp_avgs: List[Tensor], exp_avg_sqs: List[Tensor], steps: List[Tensor], lr: float, beta1: float, beta2: float, eps: float, weight_decay: float):
    none: List[Tensor] = []
    torch._foreach_add_(steps, 1.0)
    torch._fused_adam_(params, grads, exp_avgs, exp_avg_sqs, none, steps, lr=lr, beta1=beta1, beta2=beta2, weight_decay=weight_decay, eps=eps, amsgrad=False, maximize=False)
";

    public static int Run()
    {
        using var unit = jit.compile(Script);
        using (var probe = new VaeModel(VaeShape.Hidden, VaeShape.Latent))
        using (var factory = optim.Adam(probe.parameters(), 1e-3))
            Console.WriteLine($"optim.Adam(parameters, 1e-3) betas: {factory.Betas}");
        manual_seed(1);
        using var a = new VaeModel(VaeShape.Hidden, VaeShape.Latent);
        using var b = new VaeModel(VaeShape.Hidden, VaeShape.Latent);
        b.load_state_dict(a.state_dict());
        var batch = bernoulli(full(128, VaeShape.Pixels, 0.2));
        using var adam = optim.Adam(a.parameters(), 1e-3);
        var ps = b.parameters().Cast<Tensor>().ToArray();
        var m = ps.Select(p => zeros_like(p)).ToArray();
        var v = ps.Select(p => zeros_like(p)).ToArray();
        var steps = ps.Select(_ => zeros(1)).ToArray();
        var reference = new List<double>();
        var fused = new List<double>();
        for (var i = 0; i < 230; i++)
        {
            if (i is 1 or 2 or 10 or 50 or 100 or 150 or 200)
                Console.WriteLine($"after {i} steps: largest parameter difference {a.parameters().Zip(b.parameters()).Max(pair => (pair.First - pair.Second).abs().max().item<float>()):E2}");
            using (NewDisposeScope())
            {
                manual_seed(i);
                adam.zero_grad();
                a.Loss(batch).backward();
                var w = System.Diagnostics.Stopwatch.StartNew();
                adam.step();
                if (i >= 30) reference.Add(w.Elapsed.TotalMilliseconds);
            }
            using (NewDisposeScope())
            {
                manual_seed(i);
                b.zero_grad();
                b.Loss(batch).backward();
                var grads = ps.Select(p => p.grad!).ToArray();
                var w = System.Diagnostics.Stopwatch.StartNew();
                using (no_grad()) unit.invoke("adam_step", ps, grads, m, v, steps, 1e-3, 0.9, 0.999, 1e-8, 0.0);
                if (i >= 30) fused.Add(w.Elapsed.TotalMilliseconds);
            }
        }
        var difference = a.parameters().Zip(b.parameters()).Max(pair => (pair.First - pair.Second).abs().max().item<float>());
        Console.WriteLine($"TorchSharp Adam {Timing.Median(reference):F2} ms, fused {Timing.Median(fused):F2} ms; largest parameter difference after 230 steps {difference:E2}");
        return 0;
    }
}
