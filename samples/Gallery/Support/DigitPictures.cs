using PixyzGen.Plots;
using static TorchSharp.torch;

namespace PixyzGen.Samples.Gallery.Support;

/// <summary>The MNIST notebooks' pictures: digits over their reconstructions, and grids of generated digits.</summary>
public static class DigitPictures
{
    /// <summary>The originals in the top row, their reconstructions in the row below (the notebooks' comparison).</summary>
    public static void Reconstructions(string path, Tensor originals, Tensor reconstructions) =>
        ImageGrid.Save(cat(new[] { originals, reconstructions }), path, columns: (int)originals.shape[0], scale: 3);

    /// <summary>
    /// The VAE notebooks' two pictures: the first 8 test digits over their <paramref name="reconstruct"/>ions, and 64
    /// digits that <paramref name="decode"/> makes of the notebooks' z_sample = 0.5 * N(0, I) of <paramref name="latent"/> dimensions.
    /// </summary>
    public static void Vae(ExampleFiles files, Digits test, System.Func<Tensor, Tensor> reconstruct, System.Func<Tensor, Tensor> decode, int latent)
    {
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var (x, _) = test.First(8);
        Reconstructions(files.Picture("reconstructions.png"), x, reconstruct(x));
        Grid(files.Picture("samples.png"), decode(0.5 * randn(64, latent)));
    }

    /// <summary>Rows of <paramref name="columns"/> digits.</summary>
    public static void Grid(string path, Tensor images, int columns = 8) => ImageGrid.Save(images, path, columns, scale: 3);
}
