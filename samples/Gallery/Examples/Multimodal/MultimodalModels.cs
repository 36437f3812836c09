using static TorchSharp.torch;

namespace PixyzGen.Samples.Gallery.Examples.Multimodal;

/// <summary>JMVAE (Suzuki et al.): the joint encoder's ELBO, and each single-modality encoder pulled towards it.</summary>
[Model("p(x,y,z) = p(x|z) p(y|z) p(z)")]
public sealed partial class JmvaeModel : GenerativeModel
{
    public JointEncoder Q { get; } = new();
    public ImageEncoder Qx { get; } = new();
    public LabelEncoder Qy { get; } = new();
    public ImageDecoder Px { get; } = new();
    public LabelDecoder Py { get; } = new();
    public MultimodalPrior Prior { get; } = new();

    [Loss("mean(-E_q(z|x,y)[log p(x|z) + log p(y|z)] + KL(q(z|x,y) || p(z)) + KL(q(z|x,y) || q(z|x)) + KL(q(z|x,y) || q(z|y)))")]
    public partial Tensor Loss(Tensor x, Tensor y);
}

/// <summary>JMVAE whose joint encoder is the product of the two experts.</summary>
[Model("p(x,y,z) = p(x|z) p(y|z) p(z)")]
public sealed partial class JmvaePoeModel : GenerativeModel
{
    public JmvaePoeModel()
    {
        Q = new ExpertProduct(Qx, Qy);
        RegisterComponents();
    }

    public ImageEncoder Qx { get; } = new();
    public LabelEncoder Qy { get; } = new();
    public ExpertProduct Q { get; }
    public ImageDecoder Px { get; } = new();
    public LabelDecoder Py { get; } = new();
    public MultimodalPrior Prior { get; } = new();

    [Loss("mean(-E_q(z|x,y)[log p(x|z) + log p(y|z)] + KL(q(z|x,y) || p(z)) + KL(q(z|x,y) || q(z|x)) + KL(q(z|x,y) || q(z|y)))")]
    public partial Tensor Loss(Tensor x, Tensor y);
}

/// <summary>MVAE (Wu and Goodman): the ELBOs of the product of experts and of each expert alone.</summary>
[Model("p(x,y,z) = p(x|z) p(y|z) p(z)")]
public sealed partial class MvaeModel : GenerativeModel
{
    public MvaeModel()
    {
        Q = new ExpertProduct(Qx, Qy);
        RegisterComponents();
    }

    public ImageEncoder Qx { get; } = new();
    public LabelEncoder Qy { get; } = new();
    public ExpertProduct Q { get; }
    public ImageDecoder Px { get; } = new();
    public LabelDecoder Py { get; } = new();
    public MultimodalPrior Prior { get; } = new();

    [Loss("mean(-E_q(z|x,y)[log p(x|z) + log p(y|z)] + KL(q(z|x,y) || p(z))) + mean(-E_q(z|x)[log p(x|z)] + KL(q(z|x) || p(z))) + mean(-E_q(z|y)[log p(y|z)] + KL(q(z|y) || p(z)))")]
    public partial Tensor Loss(Tensor x, Tensor y);
}
