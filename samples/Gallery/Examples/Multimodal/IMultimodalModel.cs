using System;
using static TorchSharp.torch;

namespace PixyzGen.Samples.Gallery.Examples.Multimodal;

/// <summary>What the three multimodal notebooks (jmvae, jmvae_poe, mvae) share: the experts, the decoders and how they are shown.</summary>
public interface IMultimodalModel : IDisposable
{
    ImageEncoder Qx { get; }
    LabelEncoder Qy { get; }
    ImageDecoder Px { get; }
    LabelDecoder Py { get; }
    MultimodalPrior Prior { get; }

    /// <summary>The generated loss.</summary>
    Tensor Loss(Tensor x, Tensor y);

    /// <summary>z drawn from the joint posterior q(z|x,y).</summary>
    Tensor SampleJoint(Tensor x, Tensor y);

    /// <summary>The notebook's model, built with Pixyz's dynamic API over the same distributions.</summary>
    Model Dynamic();

    /// <summary>The printable model and its loss in LaTeX.</summary>
    (string Text, string Latex) Printed { get; }
}

public sealed partial class JmvaeModel : IMultimodalModel
{
    public Tensor SampleJoint(Tensor x, Tensor y) => Q.Sample(x, y);

    public Model Dynamic() => new VAE(Q, Px * Py, new KullbackLeibler(Q, Prior) + new KullbackLeibler(Q, Qx) + new KullbackLeibler(Q, Qy), new Distribution[] { Qx, Qy });

    public (string Text, string Latex) Printed => (ToString(), LossLatex);
}

public sealed partial class JmvaePoeModel : IMultimodalModel
{
    public Tensor SampleJoint(Tensor x, Tensor y) => Q.Sample(x, y);

    public Model Dynamic() => new VAE(Q, Px * Py, new KullbackLeibler(Q, Prior) + new KullbackLeibler(Q, Qx) + new KullbackLeibler(Q, Qy), new Distribution[] { Qx, Qy });

    public (string Text, string Latex) Printed => (ToString(), LossLatex);
}

public sealed partial class MvaeModel : IMultimodalModel
{
    public Tensor SampleJoint(Tensor x, Tensor y) => Q.Sample(x, y);

    public Model Dynamic()
    {
        var joint = -new Expectation(Q, (Px * Py).LogProbLoss()) + new KullbackLeibler(Q, Prior);
        var image = -new Expectation(Qx, Px.LogProbLoss()) + new KullbackLeibler(Qx, Prior);
        var label = -new Expectation(Qy, Py.LogProbLoss()) + new KullbackLeibler(Qy, Prior);
        return new Model(joint.Mean() + image.Mean() + label.Mean(), distributions: new Distribution[] { Px, Py, Qx, Qy });
    }

    public (string Text, string Latex) Printed => (ToString(), LossLatex);
}
