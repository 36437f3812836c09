using System;
using System.IO;
using PixyzGen.Plots;
using SkiaSharp;
using static TorchSharp.torch;

namespace PixyzGen.IntegrationTests;

/// <summary>PixyzGen.Plots' image grid, read back pixel by pixel: layout, scaling, gray and colour, and bad shapes named.</summary>
public class ImageGridTests
{
    private static SKBitmap Written(Tensor images, int columns, int scale, int padding = 0) =>
        Drawn(path => ImageGrid.Save(images, path, columns, scale, padding));

    internal static SKBitmap Drawn(Action<string> draw)
    {
        var path = Path.Combine(Path.GetTempPath(), $"pixyzgen-grid-{Guid.NewGuid():N}.png");
        try
        {
            draw(path);
            return SKBitmap.Decode(path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void Flattened_digits_are_laid_out_in_rows_of_the_columns_scaled_by_whole_pixels()
    {
        var images = zeros(5, 784);
        images[1, 0] = tensor(1f);            // image 1, pixel (0, 0): white
        images[4, 28 * 27 + 27] = tensor(0.5f);   // image 4 (second row, second column), last pixel: mid-gray
        using var bitmap = Written(images, columns: 3, scale: 2);
        Assert.That((bitmap.Width, bitmap.Height), Is.EqualTo((3 * 28 * 2, 2 * 28 * 2)), "5 images in rows of 3");
        Assert.That(bitmap.GetPixel(28 * 2, 0).Red, Is.EqualTo(255));
        Assert.That(bitmap.GetPixel(28 * 2 + 1, 1).Red, Is.EqualTo(255), "each pixel is a 2 x 2 block");
        Assert.That(bitmap.GetPixel(28 * 2 + 2, 0).Red, Is.EqualTo(0));
        Assert.That(bitmap.GetPixel(2 * 28 * 2 - 1, 2 * 28 * 2 - 1).Red, Is.EqualTo(128));
    }

    [Test]
    public void Padding_puts_grey_lines_between_cells_and_none_around_the_grid()
    {
        var images = ones(4, 2, 2);
        using var bitmap = Written(images, columns: 2, scale: 1, padding: 1);
        Assert.That((bitmap.Width, bitmap.Height), Is.EqualTo((5, 5)));
        Assert.That(bitmap.GetPixel(2, 0).Red, Is.EqualTo(128), "between columns");
        Assert.That(bitmap.GetPixel(0, 2).Red, Is.EqualTo(128), "between rows");
        Assert.That(bitmap.GetPixel(3, 3).Red, Is.EqualTo(255), "the last cell starts after the padding");
    }

    [Test]
    public void Colour_images_keep_their_channels_and_values_are_clamped()
    {
        var images = zeros(1, 3, 2, 2);
        images[0, 0, 0, 0] = tensor(2f);       // red above 1: clamped
        images[0, 2, 1, 1] = tensor(1f);       // blue
        using var bitmap = Written(images, columns: 4, scale: 1);
        Assert.That((bitmap.Width, bitmap.Height), Is.EqualTo((2, 2)), "one image: one column shown");
        Assert.That(bitmap.GetPixel(0, 0), Is.EqualTo(new SKColor(255, 0, 0)));
        Assert.That(bitmap.GetPixel(1, 1), Is.EqualTo(new SKColor(0, 0, 255)));
    }

    [Test]
    public void A_shape_that_is_no_image_is_named()
    {
        var error = Assert.Throws<ArgumentException>(() => ImageGrid.Save(zeros(4, 10), Path.Combine(Path.GetTempPath(), "never.png")));
        Assert.That(error!.Message, Does.Contain("[4, 10]"));
        Assert.That(File.Exists(Path.Combine(Path.GetTempPath(), "never.png")), Is.False);
    }
}
