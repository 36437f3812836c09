using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace PixyzGen.Samples.Gallery.Examples.RealNvp;

/// <summary>
/// The real_nvp notebooks' ScaleTranslateNet: two hidden ReLU layers over the kept features (and, for the
/// conditional flow, the label after them), then a tanh-bounded log-scale head and a shift head.
/// </summary>
public sealed class ScaleTranslateNet : Module<Tensor, (Tensor LogScale, Tensor Shift)>
{
    private readonly Module<Tensor, Tensor> hidden;
    private readonly Module<Tensor, Tensor> logScale;
    private readonly Module<Tensor, Tensor> shift;

    public ScaleTranslateNet(int features, int hiddenFeatures, int conditionFeatures = 0) : base(nameof(ScaleTranslateNet))
    {
        hidden = Sequential(Linear(features + conditionFeatures, hiddenFeatures), ReLU(), Linear(hiddenFeatures, hiddenFeatures), ReLU());
        logScale = Linear(hiddenFeatures, features);
        shift = Linear(hiddenFeatures, features);
        RegisterComponents();
    }

    public override (Tensor LogScale, Tensor Shift) forward(Tensor input)
    {
        var h = hidden.call(input);
        return (logScale.call(h).tanh(), shift.call(h));
    }

    /// <summary>The notebooks' flow list: [Preprocess,] then per block a coupling (masks alternating) and a batch norm.</summary>
    public static FlowLayer[] Blocks(int features, int hiddenFeatures, int blocks, bool preprocess, int conditionFeatures = 0)
    {
        var layers = new System.Collections.Generic.List<FlowLayer>();
        if (preprocess) layers.Add(new PreprocessLayer());
        for (var i = 0; i < blocks; i++)
        {
            layers.Add(new AffineCouplingLayer(AffineCouplingLayer.ChannelWiseMask(features, inverse: i % 2 != 0), new ScaleTranslateNet(features, hiddenFeatures, conditionFeatures)));
            layers.Add(new BatchNormLayer(features, momentum: 1.0));   // Pixyz's BatchNorm1d default (momentum=0.0: the last batch's statistics), see docs/flows.md
        }
        return layers.ToArray();
    }
}
