using System;
using System.IO;
using PixyzGen.Plots;
using SkiaSharp;
using static TorchSharp.torch;

namespace PixyzGen.IntegrationTests;

/// <summary>Latent traversals and maps read back pixel by pixel through a decoder that paints each code as a 2 x 2 image, and curves written with two axes.</summary>
public class LatentPicturesTests
{
    // Code [N, D] to images [N, 2, 2]: the top-left pixel shows dimension 0 mapped from [-3, 3] to [0, 1], the bottom-right dimension 1.
    private static Tensor Paint(Tensor codes)
    {
        var scaled = codes.add(3).div(6);
        var images = zeros(codes.shape[0], 2, 2);
        images[TensorIndex.Colon, 0, 0] = scaled[TensorIndex.Colon, 0];
        images[TensorIndex.Colon, 1, 1] = scaled[TensorIndex.Colon, 1];
        return images;
    }

    [Test]
    public void A_traversal_sweeps_one_dimension_per_row_holding_the_others_at_the_origin()
    {
        using var bitmap = ImageGridTests.Drawn(path => LatentPictures.Traversal(path, Paint, tensor(new float[] { 0f, 1.5f }), steps: 3, span: 3, scale: 1));
        Assert.That((bitmap.Width, bitmap.Height), Is.EqualTo((3 * 3 - 1, 2 * 3 - 1)), "3 steps a row, a row per dimension, 1 pixel apart");
        Assert.That(new[] { bitmap.GetPixel(0, 0).Red, bitmap.GetPixel(3, 0).Red, bitmap.GetPixel(6, 0).Red }, Is.EqualTo(new byte[] { 0, 128, 255 }), "row 0 sweeps dimension 0");
        Assert.That(bitmap.GetPixel(1, 1).Red, Is.EqualTo(191), "dimension 1 held at 1.5 in row 0");
        Assert.That(new[] { bitmap.GetPixel(1, 4).Red, bitmap.GetPixel(7, 4).Red }, Is.EqualTo(new byte[] { 0, 255 }), "row 1 sweeps dimension 1");
        Assert.That(bitmap.GetPixel(0, 3).Red, Is.EqualTo(128), "dimension 0 held at 0 in row 1");
    }

    [Test]
    public void A_map_puts_the_first_dimension_left_to_right_and_the_second_top_to_bottom()
    {
        using var bitmap = ImageGridTests.Drawn(path => LatentPictures.Map(path, Paint, steps: 2, span: 3));
        Assert.That((bitmap.Width, bitmap.Height), Is.EqualTo((5, 5)));
        Assert.That(new[] { bitmap.GetPixel(0, 0).Red, bitmap.GetPixel(3, 0).Red }, Is.EqualTo(new byte[] { 0, 255 }), "first dimension across");
        Assert.That(new[] { bitmap.GetPixel(1, 1).Red, bitmap.GetPixel(1, 4).Red }, Is.EqualTo(new byte[] { 0, 255 }), "second dimension down");
        Assert.Throws<ArgumentException>(() => LatentPictures.Map("never.png", Paint, dimensions: 2, first: 1, second: 1));
    }

    [Test]
    public void Curves_on_two_axes_are_written_with_their_names()
    {
        using var bitmap = ImageGridTests.Drawn(path => Curves.Save(path,
            new[] { Curve.Line("train loss", new[] { 300.0, 200, 150 }), new Curve("classifier test loss", new[] { (3.0, 0.9), (6.0, 0.4) }, Markers: true, Axis: CurveAxis.Right) },
            title: "m2", yLabel: "nats", rightLabel: "cross-entropy", width: 400, height: 300));
        Assert.That((bitmap.Width, bitmap.Height), Is.EqualTo((400, 300)));
    }
}
