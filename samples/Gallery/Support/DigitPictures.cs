using PixyzGen.Plots;
using static TorchSharp.torch;

namespace PixyzGen.Samples.Gallery.Support;

/// <summary>The MNIST notebooks' pictures: digits over their reconstructions, and grids of generated digits.</summary>
public static class DigitPictures
{
    /// <summary>The originals in the top row, their reconstructions in the row below (the notebooks' comparison).</summary>
    public static void Reconstructions(string path, Tensor originals, Tensor reconstructions) =>
        ImageGrid.Save(cat(new[] { originals, reconstructions }), path, columns: (int)originals.shape[0], scale: 3);

    /// <summary>Rows of <paramref name="columns"/> digits.</summary>
    public static void Grid(string path, Tensor images, int columns = 8) => ImageGrid.Save(images, path, columns, scale: 3);
}
