using TorchSharp;
using static TorchSharp.torch;

namespace PixyzGen.Runtime.Tests.Generated;

/// <summary>
/// Generated code follows the model's device. The test moves a model to libtorch's "meta" device, where mixing in any
/// CPU tensor (a constant, a draw, a buffer left behind) throws "Expected all tensors to be on the same device"; meta
/// lacks kernels for some operations (log-sigmoid, abs), so the terms below are those it can run.
/// </summary>
public class DeviceTests
{
    [Test]
    public void Losses_draws_and_buffers_stay_on_the_models_device()
    {
        var meta = new Device("meta");
        using var model = new LossKinds();
        model.to(meta);
        var x = zeros(8, 3, device: meta);
        foreach (var (name, value) in new (string, Tensor)[]
        {
            ("closed-form KL", model.ClosedFormKl(x)),
            ("entropy", model.EntropySum(x)),
            ("MMD with a prior drawn as many", model.Discrepancy(x)),
            ("MMD with a kernel width", model.WideDiscrepancy(x)),
            ("the model's ancestral draw", model.Sample(4).X),
            ("a prior's draw with a sample shape", model.Pz.Sample(4, 2)),
        })
            Assert.That(value.device_type, Is.EqualTo(DeviceType.META), name);
        Assert.That(model.Pz.get_buffer("loc")!.device_type, Is.EqualTo(DeviceType.META), "constant parameters move with the model");
    }
}
